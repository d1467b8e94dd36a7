package org.ll4al.tasks.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PCK@0.2 (torso) and PCKh@0.5 (head segment) on the real lspet-1000 against an independent numpy
 * port of the LSP evaluation ({@code scripts/fixtures/pck_reference.py}, run once into
 * {@code pck_reference.json}). Predictions come from the ground truth by the rule stated in that
 * script, implemented again here on the 0-based coordinates both sides use.
 */
class LspPckReferenceTest {

    private static final double R = Math.sqrt(0.5);
    private static final double[][] DIRS = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}, {R, R}, {-R, R}, {-R, -R}, {R, -R}};
    private static final double[] PIXELS = {0, 2, 5, 8, 10, 12.5, 15, 25, 60};
    private static final double[] TORSO = {0, 0.1, 0.19, 0.2, 0.21, 0.3, 1.0};
    private static final String FIXTURE = "pck_reference.json";

    /** The predicted joints (MPII slots) of person {@code i} under {@code rule} (see pck_reference.py). */
    static double[][] predict(String rule, int i, PoseSample s) {
        double[][] gt = s.joints();
        double dx = gt[MpiiJoints.L_SHOULDER][0] - gt[MpiiJoints.R_HIP][0];
        double dy = gt[MpiiJoints.L_SHOULDER][1] - gt[MpiiJoints.R_HIP][1];
        double u = Math.sqrt(dx * dx + dy * dy);
        double[][] out = s.jointsCopy();
        for (int k = 0; k < 14; k++) {
            int slot = LspAnnotations.TO_MPII[k];
            int d = (i + k) % 8;
            double step;
            switch (rule) {
                case "exact" -> step = 0;
                case "torso-0.15" -> step = 0.15 * u;
                case "torso-0.25" -> step = 0.25 * u;
                case "mix" -> {
                    step = PIXELS[(3 * i + 5 * k) % 9];
                    d = (i + 3 * k) % 8;
                }
                case "torso-mix" -> {
                    step = TORSO[(i + 2 * k) % 7] * u;
                    d = (5 * i + k) % 8;
                }
                case "invisible-far" -> step = s.isVisible(slot) ? 0.0 : 500.0;
                default -> throw new IllegalArgumentException(rule);
            }
            out[slot] = new double[] {gt[slot][0] + step * DIRS[d][0], gt[slot][1] + step * DIRS[d][1]};
        }
        return out;
    }

    private static JsonObject fixture() throws IOException {
        try (InputStream in = LspPckReferenceTest.class.getResourceAsStream(FIXTURE)) {
            assertNotNull(in, FIXTURE + " is missing from the test resources");
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        }
    }

    /** The 14 LSP joints' figures out of the 16 MPII slots, in LSP order. */
    private static double[] lsp(double[] slots) {
        double[] v = new double[14];
        for (int k = 0; k < 14; k++) {
            v[k] = slots[LspAnnotations.TO_MPII[k]];
        }
        return v;
    }

    private static long[] lsp(long[] slots) {
        long[] v = new long[14];
        for (int k = 0; k < 14; k++) {
            v[k] = slots[LspAnnotations.TO_MPII[k]];
        }
        return v;
    }

    private static void assertFigures(
            JsonObject ref, double total, double[] perJoint, long[] counts, long people, String what) {
        JsonArray c = ref.getAsJsonArray("counts");
        long[] expected = new long[14];
        for (int k = 0; k < 14; k++) {
            expected[k] = c.get(k).getAsLong();
        }
        assertArrayEquals(expected, lsp(counts), what + ": joints scored");
        assertEquals(ref.get("people").getAsLong(), people, what + ": people scored");
        double[] joints = lsp(perJoint);
        for (int k = 0; k < 14; k++) {
            assertEquals(
                    ref.getAsJsonArray("perJoint").get(k).getAsDouble(),
                    joints[k],
                    1e-6,
                    what + ", " + LspAnnotations.NAMES.get(k));
        }
        assertEquals(ref.get("mean").getAsDouble(), total, 1e-6, what + ": total");
    }

    @ParameterizedTest
    @ValueSource(strings = {"exact", "torso-0.15", "torso-0.25", "mix", "torso-mix", "invisible-far"})
    void matchesTheNumpyPortOnLspetThousand(String rule) throws Exception {
        Path root = LspAnnotationsTest.lspet();
        Path mat = root.resolve("joints.mat");
        JsonObject ref = fixture();
        assertEquals(
                ref.get("sha256").getAsString(),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(mat))),
                mat + " is not the file " + FIXTURE + " was generated from; regenerate it with "
                        + "scripts/fixtures/pck_reference.py");
        List<PoseSample> people =
                LspAnnotations.read(mat, root.resolve("images")).people();
        assertEquals(ref.get("people").getAsInt(), people.size());
        LspPckAccumulator acc = new LspPckAccumulator(people, 64);
        for (int i = 0; i < people.size(); i++) {
            acc.addPrediction(people.get(i), predict(rule, i, people.get(i)));
        }
        JsonObject c = ref.getAsJsonObject("cases").getAsJsonObject(rule);
        assertFigures(
                c.getAsJsonObject("pck"), acc.value(), acc.perJoint(), acc.counts(), acc.people(), rule + " PCK@0.2");
        assertFigures(
                c.getAsJsonObject("pckh"),
                acc.pckh(),
                acc.pckhPerJoint(),
                acc.pckhCounts(),
                acc.pckhPeople(),
                rule + " PCKh@0.5");
    }
}

package org.ll4al.tasks.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PCKh@0.5 on the real MPII valid.json against an independent numpy port of the standard MPII
 * evaluation ({@code scripts/fixtures/pckh_reference.py}, run once into
 * {@code pckh_reference.json}). Predictions come from the ground truth by the rule stated in
 * that script, implemented again here.
 */
class PckhReferenceTest {

    private static final double R = Math.sqrt(0.5);
    private static final double[][] DIRS = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}, {R, R}, {-R, R}, {-R, -R}, {R, -R}};
    private static final double[] MIX = {0, 0.25, 0.45, 0.5, 0.55, 0.8, 2.0};
    private static final String FIXTURE = "pckh_reference.json";

    /** The predicted joints of person {@code i} under {@code rule} (see pckh_reference.py). */
    static double[][] predict(String rule, int i, PoseSample s) {
        double[][] out = new double[MpiiJoints.COUNT][];
        for (int k = 0; k < MpiiJoints.COUNT; k++) {
            double f;
            int d = (i + k) % 8;
            switch (rule) {
                case "exact" -> {
                    f = 0;
                    d = 0;
                }
                case "shift-0.3" -> f = 0.3;
                case "shift-0.7" -> f = 0.7;
                case "mix" -> {
                    f = MIX[(3 * i + 5 * k) % 7];
                    d = (i + 3 * k) % 8;
                }
                case "occluded-miss" -> f = s.visible()[k] > 0 ? 0.0 : 1.0;
                default -> throw new IllegalArgumentException(rule);
            }
            double step = f * s.normalize();
            double[] gt = s.joints()[k];
            out[k] = new double[] {gt[0] + step * DIRS[d][0], gt[1] + step * DIRS[d][1]};
        }
        return out;
    }

    private static JsonObject fixture() throws IOException {
        try (InputStream in = PckhReferenceTest.class.getResourceAsStream(FIXTURE)) {
            assertNotNull(in, FIXTURE + " is missing from the test resources");
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static void assertValues(JsonArray expected, double[] actual, String what) {
        assertEquals(MpiiJoints.COUNT, expected.size(), what);
        for (int k = 0; k < MpiiJoints.COUNT; k++) {
            assertEquals(expected.get(k).getAsDouble(), actual[k], 1e-6, what + ", joint " + MpiiJoints.NAMES.get(k));
        }
    }

    private static long[] longs(JsonArray a) {
        long[] v = new long[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsLong();
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(strings = {"exact", "shift-0.3", "shift-0.7", "mix", "occluded-miss"})
    void matchesTheStandardEvaluationOnMpiiValid(String rule) throws Exception {
        Path valid = PckhTest.mpii().resolve("valid.json");
        JsonObject ref = fixture();
        assertEquals(
                ref.get("sha256").getAsString(),
                sha256(valid),
                valid + " is not the file " + FIXTURE + " was generated from; regenerate it with "
                        + "scripts/fixtures/pckh_reference.py");
        List<PoseSample> people = MpiiAnnotations.read(valid, null);
        assertEquals(ref.get("people").getAsInt(), people.size());
        PckhAccumulator acc = new PckhAccumulator(people, 256);
        for (int i = 0; i < people.size(); i++) {
            acc.addPrediction(people.get(i), predict(rule, i, people.get(i)));
        }
        JsonObject c = ref.getAsJsonObject("cases").getAsJsonObject(rule);
        assertArrayEquals(longs(c.getAsJsonArray("counts")), acc.counts(), "annotated joints per type");
        assertArrayEquals(longs(c.getAsJsonArray("visibleCounts")), acc.visibleCounts(), "visible joints per type");
        assertValues(c.getAsJsonArray("perJoint"), acc.perJoint(), rule + ": PCKh");
        assertValues(c.getAsJsonArray("visiblePerJoint"), acc.visiblePerJoint(), rule + ": visible-only PCKh");
        assertEquals(c.get("mean").getAsDouble(), acc.value(), 1e-6, rule + ": PCKh total");
        assertEquals(c.get("visibleMean").getAsDouble(), acc.visibleValue(), 1e-6, rule + ": visible-only total");
        long annotated = 0;
        for (long n : acc.counts()) {
            annotated += n;
        }
        assertEquals(44_240, annotated, "every annotated joint of valid.json counts, occluded ones included");
        if (rule.equals("occluded-miss")) {
            assertTrue(
                    acc.value() < 0.85 && acc.visibleValue() == 1.0,
                    "missing every occluded joint lowers PCKh " + acc.value() + " but not the visible-only figure");
        }
    }
}

package org.ll4al.tasks.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Person boxes on the real lspet-1000 against {@code scripts/fixtures/lsp_box_reference.py}, a
 * numpy port of bearpaw/pytorch-pose's gen_lsp.m (objpos, insertMPILikeScale) and lsp.py's crop
 * factor; and the MATLAB quantile and median the port relies on.
 */
class LspPersonBoxTest {

    @Test
    void matlabQuantileUsesHazenPositions() {
        assertEquals(3.0, LspPersonBox.quantile(new double[] {3}, 0.75), 0);
        assertEquals(4.0, LspPersonBox.quantile(new double[] {4, 1}, 0.75), 0, "position 1.5 of 2: the last");
        assertEquals(3.5, LspPersonBox.quantile(new double[] {1, 2, 3, 4}, 0.75), 1e-15, "position 3.5 of 4");
        assertEquals(4.25, LspPersonBox.quantile(new double[] {5, 1, 2, 3, 4}, 0.75), 1e-15, "position 4.25 of 5");
        assertEquals(Double.NaN, LspPersonBox.quantile(new double[0], 0.75));
        assertEquals(2.5, LspPersonBox.median(new double[] {4, 1, 2, 3}), 0);
        assertEquals(
                Double.POSITIVE_INFINITY,
                LspPersonBox.median(new double[] {1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}),
                0);
    }

    @Test
    void boxesOfLspetThousandMatchTheNumpyPort() throws Exception {
        Path root = LspAnnotationsTest.lspet();
        JsonObject ref;
        try (var in = new InputStreamReader(
                LspPersonBoxTest.class.getResourceAsStream("lsp_box_reference.json"), StandardCharsets.UTF_8)) {
            ref = JsonParser.parseReader(in).getAsJsonObject();
        }
        Path mat = root.resolve("joints.mat");
        assertEquals(
                ref.get("sha256").getAsString(),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(mat))),
                mat + " is not the file the fixture was generated from");
        List<PoseSample> people =
                LspAnnotations.read(mat, root.resolve("images")).people();
        JsonArray centers = ref.getAsJsonArray("centers");
        JsonArray scales = ref.getAsJsonArray("scales");
        assertEquals(people.size(), scales.size());
        for (int i = 0; i < people.size(); i++) {
            PoseSample s = people.get(i);
            double scale = scales.get(i).getAsDouble();
            assertEquals(scale, s.scale(), 1e-9 * scale, "scale of person " + (i + 1));
            assertEquals(centers.get(i).getAsJsonArray().get(0).getAsDouble(), s.centerX(), 1e-9, "x of " + (i + 1));
            assertEquals(centers.get(i).getAsJsonArray().get(1).getAsDouble(), s.centerY(), 1e-9, "y of " + (i + 1));
        }
    }
}

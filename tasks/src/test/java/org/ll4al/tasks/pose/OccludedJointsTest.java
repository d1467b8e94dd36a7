package org.ll4al.tasks.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.tasks.TaskBatch;

/**
 * The synthetic set marks joints as real MPII does (occluded: joints_vis 0 with coordinates;
 * not annotated: (0, 0)), and batches train on every annotated joint, occluded ones included.
 */
class OccludedJointsTest {

    @TempDir
    Path dir;

    @Test
    void syntheticSetMarksOccludedAndUnannotatedJointsLikeMpii() throws Exception {
        SyntheticPoseGenerator.write(dir, 60, 4, 64, 3);
        JsonArray raw = JsonParser.parseString(Files.readString(dir.resolve("train.json")))
                .getAsJsonArray();
        int occluded = 0;
        int unannotated = 0;
        for (JsonElement e : raw) {
            JsonArray joints = e.getAsJsonObject().getAsJsonArray("joints");
            JsonArray vis = e.getAsJsonObject().getAsJsonArray("joints_vis");
            for (int k = 0; k < MpiiJoints.COUNT; k++) {
                JsonArray p = joints.get(k).getAsJsonArray();
                boolean zero = p.get(0).getAsDouble() == 0 && p.get(1).getAsDouble() == 0;
                int v = vis.get(k).getAsInt();
                assertTrue(!zero || v == 0, "a joint at (0, 0) is never marked visible");
                occluded += !zero && v == 0 ? 1 : 0;
                unannotated += zero ? 1 : 0;
            }
        }
        assertTrue(occluded > 0, "some joints are occluded but annotated");
        assertTrue(unannotated > 0, "some joints are not annotated");
        List<PoseSample> samples = MpiiAnnotations.read(dir.resolve("train.json"), dir.resolve("images"));
        long loadedOccluded = 0;
        long loadedUnannotated = 0;
        for (PoseSample s : samples) {
            for (int k = 0; k < MpiiJoints.COUNT; k++) {
                loadedOccluded += s.isAnnotated(k) && !s.isVisible(k) ? 1 : 0;
                loadedUnannotated += s.isAnnotated(k) ? 0 : 1;
            }
        }
        assertEquals(occluded, loadedOccluded);
        assertEquals(unannotated, loadedUnannotated);
    }

    @Test
    void occludedJointsGetTargetsAndWeightUnannotatedOnesDoNot() throws Exception {
        SyntheticPoseGenerator.write(dir, 60, 4, 64, 3);
        Path json = dir.resolve("train.json");
        List<PoseSample> samples = MpiiAnnotations.read(json, dir.resolve("images"));
        int res = 64;
        int hm = res / 4;
        PoseSet set = new PoseSet(json, dir.resolve("images"), samples, res, Heatmaps.sigma(res / 4), 1L << 24);
        int[] ids = new int[samples.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        int occludedTrained = 0;
        int unannotated = 0;
        try (NDManager m = NDManager.newBaseManager()) {
            TaskBatch b = set.batch(m, ids, null);
            float[] target = b.labels().get(0).toFloatArray();
            float[] weight = b.labels().get(1).toFloatArray();
            for (int i = 0; i < ids.length; i++) {
                PoseSample s = samples.get(i);
                CropTransform t = CropTransform.of(s, res);
                for (int k = 0; k < MpiiJoints.COUNT; k++) {
                    int plane = (i * MpiiJoints.COUNT + k) * hm * hm;
                    float max = 0;
                    for (int p = 0; p < hm * hm; p++) {
                        max = Math.max(max, target[plane + p]);
                    }
                    float w = weight[i * MpiiJoints.COUNT + k];
                    if (!s.isAnnotated(k)) {
                        unannotated++;
                        assertEquals(0f, w, "sample " + i + " joint " + k + ": not annotated, no weight");
                        assertEquals(0f, max, "sample " + i + " joint " + k + ": not annotated, empty heatmap");
                        continue;
                    }
                    double[] c = t.toCrop(s.joints()[k][0], s.joints()[k][1]);
                    double hx = CropTransform.cropToHeatmap(c[0], res, hm);
                    double hy = CropTransform.cropToHeatmap(c[1], res, hm);
                    boolean inside = hx >= -0.5 && hy >= -0.5 && hx <= hm - 0.5 && hy <= hm - 0.5;
                    assertEquals(
                            inside ? 1f : 0f,
                            w,
                            "sample " + i + " joint " + k + " (visible " + s.visible()[k]
                                    + "): an annotated joint inside the crop is trained");
                    if (inside) {
                        assertTrue(max > 0.4f, "sample " + i + " joint " + k + ": Gaussian peak " + max);
                        occludedTrained += s.isVisible(k) ? 0 : 1;
                    }
                }
            }
        }
        assertTrue(occludedTrained > 0, "occluded joints inside the crop get a Gaussian and weight 1");
        assertTrue(unannotated > 0);
    }
}

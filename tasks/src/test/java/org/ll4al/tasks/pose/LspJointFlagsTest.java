package org.ll4al.tasks.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.tasks.TaskBatch;

/**
 * The LSP flags decide training and scoring alike: a joint inside the crop gets a heatmap target
 * and weight exactly when it is scored by PCK@0.2 and PCKh@0.5 (LSPe: flag 1; LSP: every joint,
 * occluded ones included); pelvis and thorax never. (A scored joint outside the crop gets no
 * target, as in MPII.)
 */
class LspJointFlagsTest {

    @TempDir
    Path dir;

    @Test
    void lossWeightsAndScoredJointsAreTheSameJoints() throws Exception {
        for (LspConvention c : LspConvention.values()) {
            Path root = dir.resolve(c.name());
            LspWriter.write(root, c, 9, 11);
            Path mat = root.resolve("joints.mat");
            List<PoseSample> people =
                    LspAnnotations.read(mat, root.resolve("images")).people();
            int res = 64;
            PoseSet set = new PoseSet(mat, root.resolve("images"), people, res, Heatmaps.sigma(res / 4), 1L << 24);
            int[] ids = new int[people.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i;
            }
            LspPckAccumulator acc = new LspPckAccumulator(people, res);
            long trained = 0;
            long outside = 0;
            long flaggedTrained = 0;
            try (NDManager m = NDManager.newBaseManager()) {
                TaskBatch b = set.batch(m, ids, null);
                float[] weight = b.labels().get(1).toFloatArray();
                for (int i = 0; i < ids.length; i++) {
                    PoseSample s = people.get(i);
                    acc.addPrediction(s, s.jointsCopy());
                    CropTransform t = CropTransform.of(s, res);
                    for (int k = 0; k < MpiiJoints.COUNT; k++) {
                        float w = weight[i * MpiiJoints.COUNT + k];
                        double[] q = t.toCrop(s.joints()[k][0], s.joints()[k][1]);
                        double hx = CropTransform.cropToHeatmap(q[0], res, res / 4);
                        double hy = CropTransform.cropToHeatmap(q[1], res, res / 4);
                        boolean inside = hx >= -0.5 && hy >= -0.5 && hx <= res / 4 - 0.5 && hy <= res / 4 - 0.5;
                        assertEquals(s.isAnnotated(k) && inside ? 1f : 0f, w, c + " person " + i + " joint " + k);
                        trained += (long) w;
                        outside += s.isAnnotated(k) && !inside ? 1 : 0;
                        flaggedTrained += w > 0 && !s.isVisible(k) ? 1 : 0;
                    }
                }
            }
            long scored = 0;
            long headScored = 0;
            for (int k = 0; k < MpiiJoints.COUNT; k++) {
                scored += acc.counts()[k];
                headScored += acc.pckhCounts()[k];
            }
            assertEquals(trained + outside, scored, c + ": every trained joint is scored by PCK@0.2 and no other");
            assertEquals(trained + outside, headScored, c + ": and by PCKh@0.5");
            assertEquals(
                    c == LspConvention.LSP ? 9 * 14 : 9 * 14 - 3, scored, c + ": LSPe's 3 invisible wrists not scored");
            assertTrue(
                    c == LspConvention.LSP ? flaggedTrained > 0 : flaggedTrained == 0,
                    c + ": flagged joints trained (LSP: occluded, kept; LSPe: invisible, left out): " + flaggedTrained);
            assertTrue(trained > scored * 3 / 4, c + ": most joints inside the crop, " + trained + " of " + scored);
            assertTrue(acc.value() == 1.0 && acc.pckh() == 1.0, "ground truth scores 1");
        }
    }
}

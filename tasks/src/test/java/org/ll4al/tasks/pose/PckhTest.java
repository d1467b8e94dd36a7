package org.ll4al.tasks.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ll4al.tasks.TaskBatch;

class PckhTest {

    static Path mpii() {
        String shared = System.getProperty("ll4al.shared.data");
        Path p = shared == null ? null : Path.of(shared, "mpii");
        Assumptions.assumeTrue(
                p != null && Files.isRegularFile(p.resolve("valid.json")),
                "shared MPII data not found at " + p + " (set -Dll4al.shared.data); skipping");
        return p;
    }

    private static double pckhWithShift(List<PoseSample> samples, double fraction) {
        PckhAccumulator acc = new PckhAccumulator(samples, 256);
        for (PoseSample s : samples) {
            double[][] pred = s.jointsCopy();
            for (int k = 0; k < pred.length; k++) {
                double angle = 0.7 * k;
                pred[k][0] += Math.cos(angle) * fraction * s.normalize();
                pred[k][1] += Math.sin(angle) * fraction * s.normalize();
            }
            acc.addPrediction(s, pred);
        }
        for (double v : acc.perJoint()) {
            assertEquals(acc.value(), v, 0.0, "every joint gives the same PCKh");
        }
        return acc.value();
    }

    @Test
    void groundTruthAndKnownShiftsOnMpiiValid() {
        List<PoseSample> valid = MpiiAnnotations.read(mpii().resolve("valid.json"), null);
        assertEquals(2958, valid.size());
        assertEquals(1.0, pckhWithShift(valid, 0), 0);
        assertEquals(1.0, pckhWithShift(valid, 0.4), 0);
        assertEquals(1.0, pckhWithShift(valid, 0.49), 0);
        assertEquals(0.0, pckhWithShift(valid, 0.6), 0);
        PckhAccumulator acc = new PckhAccumulator(valid, 256);
        long annotated = 0;
        long visible = 0;
        for (PoseSample s : valid) {
            for (int k = 0; k < 16; k++) {
                annotated += s.isAnnotated(k) ? 1 : 0;
                visible += s.isVisible(k) ? 1 : 0;
            }
        }
        assertEquals(44_240, annotated, "annotated joints of the MPII validation split");
        assertEquals(44_240 - 10_243, visible, "10,243 of them are occluded (joints_vis 0, real coordinates)");
        for (int i = 0; i < valid.size(); i++) {
            double[][] pred = valid.get(i).jointsCopy();
            if (i % 2 == 1) {
                for (double[] p : pred) {
                    p[0] += valid.get(i).normalize();
                }
            }
            acc.addPrediction(valid.get(i), pred);
        }
        assertEquals(annotated, Arrays.stream(acc.counts()).sum());
        assertEquals(visible, Arrays.stream(acc.visibleCounts()).sum());
        double expected = 0;
        long hits = 0;
        long counted = 0;
        for (int i = 0; i < valid.size(); i++) {
            for (int k = 0; k < 16; k++) {
                if (k != 6 && k != 7 && valid.get(i).isAnnotated(k)) {
                    counted++;
                    hits += i % 2 == 0 ? 1 : 0;
                }
            }
        }
        expected = (double) hits / counted;
        assertEquals(expected, acc.value(), 1e-12);
        assertTrue(expected > 0.4 && expected < 0.6);
    }

    @Test
    void realSampleImagesThroughCropsTargetsAndHeatmapDecoding() {
        Path root = mpii();
        Path json = root.resolve("sample.json");
        List<PoseSample> samples = MpiiAnnotations.read(json, root.resolve("images"));
        assertEquals(5, samples.size());
        PoseSet set = new PoseSet(json, root.resolve("images"), samples, 256, Heatmaps.sigma(256 / 4), 1L << 28);
        try (NDManager m = NDManager.newBaseManager()) {
            TaskBatch b = set.batch(m, new int[] {0, 1, 2, 3, 4}, null);
            assertEquals(new Shape(5, 3, 256, 256), b.inputs().get(0).getShape());
            assertEquals(new Shape(5, 16, 64, 64), b.labels().get(0).getShape());
            float mean = b.inputs().get(0).mean().getFloat();
            assertTrue(mean > 0.1f && mean < 0.9f, "real pixels, mean " + mean);
            PckhAccumulator acc = new PckhAccumulator(samples, 256);
            acc.add(new NDList(b.labels().get(0)), b);
            float[] w = b.labels().get(1).toFloatArray();
            long inside = 0;
            long annotated = 0;
            for (int i = 0; i < 5; i++) {
                for (int k = 0; k < 16; k++) {
                    if (k != 6 && k != 7 && samples.get(i).isAnnotated(k)) {
                        annotated++;
                        inside += w[i * 16 + k] > 0 ? 1 : 0;
                    }
                }
            }
            assertTrue(inside > 0.9 * annotated, inside + " of " + annotated + " annotated joints inside the crops");
            assertEquals(
                    (double) inside / annotated,
                    acc.value(),
                    1e-12,
                    "Gaussian targets decode back to the annotated joints (joints outside the crop are misses)");
            TaskBatch aug = set.batch(m, new int[] {0, 1}, new Random(1));
            assertEquals(new Shape(2, 16), aug.labels().get(1).getShape());
        }
    }
}

package org.ll4al.tasks.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.TaskBatch;

/**
 * {@code -Dsigma} sets the width of the targets a task builds: each interior Gaussian holds the
 * mass of a continuous one, 2 pi sigma^2 (Poisson summation: the grid changes it by < 1e-4 for
 * sigma >= 0.75; the 3-sigma cut-off by < 0.3%).
 */
class TargetWidthTest {

    @TempDir
    Path dir;

    /** The mean mass of the pool's targets whose peak lies 6 or more cells inside the 16 x 16 heatmap. */
    private double interiorMass(Map<String, String> options) {
        Map<String, String> m = new HashMap<>(options);
        m.put("synthetic", "true");
        m.put("poolLimit", "24");
        m.put("evalLimit", "4");
        ActiveLearningTask task =
                new PoseTaskProvider().create(PoseTaskEndToEndTest.config(dir.resolve("synthetic"), 64, m));
        int hm = 16;
        double sum = 0;
        int planes = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            TaskBatch b =
                    task.poolBatch(manager, IntStream.range(0, task.poolSize()).toArray());
            float[] target = b.labels().get(0).toFloatArray();
            for (int plane = 0; plane < target.length / (hm * hm); plane++) {
                int off = plane * hm * hm;
                int best = off;
                double mass = 0;
                for (int p = off; p < off + hm * hm; p++) {
                    best = target[p] > target[best] ? p : best;
                    mass += target[p];
                }
                int x = (best - off) % hm;
                int y = (best - off) / hm;
                if (target[best] > 0.5f && Math.min(Math.min(x, y), Math.min(hm - 1 - x, hm - 1 - y)) >= 6) {
                    sum += mass;
                    planes++;
                }
            }
        }
        assertTrue(planes >= 10, "too few interior joints to measure: " + planes);
        return sum / planes;
    }

    @Test
    void theOptionSetsTheGaussianWidthAndZeroKeepsTheDefault() {
        double byDefault = interiorMass(Map.of());
        assertEquals(2 * Math.PI * 0.75 * 0.75, byDefault, 0.003 * byDefault, "0 means max(16 / 64, 0.75)");
        double wide = interiorMass(Map.of("sigma", "1.5"));
        assertEquals(2 * Math.PI * 1.5 * 1.5, wide, 0.003 * wide);
    }
}

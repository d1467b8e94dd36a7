package org.ll4al.tasks.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import org.junit.jupiter.api.Test;
import org.ll4al.tasks.TaskBatch;

class StackedHourglassTest {

    @Test
    void upsampleRepeatsEachPixelAsATwoByTwoBlock() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            NDArray up = Hourglass.upsample2x(x);
            assertEquals(new Shape(1, 1, 4, 4), up.getShape());
            assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, up.toFloatArray());
        }
    }

    @Test
    void depthShrinksWithTheHeatmap() {
        assertEquals(4, PoseTask.depthFor(64));
        assertEquals(3, PoseTask.depthFor(16));
        assertEquals(2, PoseTask.depthFor(8));
    }

    @Test
    void returnsHeatmapsPerStackTapsAndEmbedding() {
        StackedHourglass net = new StackedHourglass(2, 2, 16, 8, 16);
        try (NDManager m = NDManager.newBaseManager()) {
            net.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            net.initialize(m, DataType.FLOAT32, new Shape(2, 3, 32, 32));
            NDList out = net.forward(
                    new ParameterStore(m, false), new NDList(m.randomUniform(0, 1, new Shape(3, 3, 32, 32))), false);
            assertEquals(5, out.size());
            assertEquals(new Shape(3, 16, 8, 8), out.get(0).getShape());
            assertEquals(new Shape(3, 16, 8, 8), out.get(1).getShape());
            assertEquals(new Shape(3, 16, 8, 8), out.get(2).getShape(), "tap = 16-channel features");
            assertEquals(new Shape(3, 16), out.get(4).getShape());
            Shape[] declared = net.getOutputShapes(new Shape[] {new Shape(3, 3, 32, 32)});
            for (int i = 0; i < out.size(); i++) {
                assertEquals(declared[i], out.get(i).getShape());
            }
        }
    }

    @Test
    void lossIsMeanSquaredErrorOverVisibleJointsAveragedOverStacks() {
        try (NDManager m = NDManager.newBaseManager()) {
            int hm = 4;
            float[] t = new float[2 * 16 * hm * hm];
            float[] w = new float[2 * 16];
            w[0] = 1;
            w[1] = 1;
            w[16 + 3] = 1;
            NDArray target = m.create(t, new Shape(2, 16, hm, hm));
            NDArray weight = m.create(w, new Shape(2, 16));
            NDArray ones = m.ones(new Shape(2, 16, hm, hm));
            NDArray zeros = m.zeros(new Shape(2, 16, hm, hm));
            TaskBatch b = new TaskBatch(new int[] {0, 1}, new NDList(), new NDList(target, weight));
            PoseTask task = new PoseTask(null, null, 16, 2, 1, "test", PoseMetric.MPII_PCKH);
            float[] loss = task.perSampleLoss(new NDList(ones.mul(2), zeros), b).toFloatArray();
            assertArrayEquals(new float[] {2f, 2f}, loss, 1e-6f, "(4 + 0) / 2 stacks");
        }
    }

    @Test
    void entropyIsLogPixelsForFlatAndNearZeroForPeakedHeatmaps() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] v = new float[2 * 16 * 64];
            for (int k = 0; k < 16; k++) {
                v[16 * 64 + k * 64 + k] = 100;
            }
            float[] e = PoseTask.entropy(m.create(v, new Shape(2, 16, 8, 8)));
            assertEquals(Math.log(64), e[0], 1e-5);
            assertEquals(0, e[1], 1e-5);
        }
    }
}

package org.ll4al.tasks.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class L2NormTest {

    @Test
    void scalesEachLocationToUnitNormTimesTwentyAndKeepsGradientsFiniteAtAnAllZeroLocation() {
        try (NDManager m = NDManager.newBaseManager()) {
            L2Norm norm = new L2Norm(2);
            Shape in = new Shape(1, 2, 1, 2);
            norm.initialize(m, DataType.FLOAT32, in);
            // location 0: (3, 4), norm 5; location 1: (0, 0), as after a ReLU that zeroes every channel
            NDArray x = m.create(new float[] {3, 0, 4, 0}, in);
            x.setRequiresGradient(true);
            ParameterStore ps = new ParameterStore(m, false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = norm.forward(ps, new NDList(x), true).singletonOrThrow();
                float[] out = y.toFloatArray();
                assertEquals(20f * 3 / 5, out[0], 1e-4f);
                assertEquals(20f * 4 / 5, out[2], 1e-4f);
                assertEquals(0f, out[1]);
                assertEquals(0f, out[3]);
                gc.backward(y.sum());
            }
            float[] g = x.getGradient().toFloatArray();
            for (float v : g) {
                assertTrue(Float.isFinite(v), "gradient " + Arrays.toString(g) + " is not finite");
            }
            // d/dx of 20 * (x1 + x2) / |x| at (3, 4): 20 * (|x|^2 - x_i (x1 + x2)) / |x|^3
            assertEquals(20f * (25 - 3 * 7) / 125, g[0], 1e-4f);
            assertEquals(20f * (25 - 4 * 7) / 125, g[2], 1e-4f);
        }
    }
}

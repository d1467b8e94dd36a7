package org.ll4al.tasks.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class TorchRmsPropTest {

    @Test
    void matchesTorchRmsPropArithmetic() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f, 2f});
            NDArray g = m.create(new float[] {0.5f, -1f});
            TorchRmsProp opt = new TorchRmsProp((id, n) -> 0.01f, 0.99f, 0f, 1e-8f, 0f);
            opt.update("w", w, g);
            // v = 0.01 g^2, step = g / (0.1 |g|) = 10 sign(g)
            assertArrayEquals(new float[] {0.9f, 2.1f}, w.toFloatArray(), 1e-5f);
            opt.update("w", w, g);
            // v = 0.0199 g^2, step = sign(g) / sqrt(0.0199)
            float s = (float) (0.01 / Math.sqrt(0.0199));
            assertArrayEquals(new float[] {0.9f - s, 2.1f + s}, w.toFloatArray(), 1e-5f);
            NDArray u = m.create(new float[] {1f});
            TorchRmsProp withMomentum = new TorchRmsProp((id, n) -> 0.01f, 0.99f, 0.5f, 1e-8f, 0f);
            withMomentum.update("u", u, m.create(new float[] {2f}));
            withMomentum.update("u", u, m.create(new float[] {2f}));
            float second = (float) (1 / Math.sqrt(0.0199));
            assertArrayEquals(new float[] {1f - 0.1f - 0.01f * (0.5f * 10f + second)}, u.toFloatArray(), 1e-5f);
        }
    }
}

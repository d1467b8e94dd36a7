package org.ll4al.tasks.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import org.junit.jupiter.api.Test;

class ResidualInferenceTest {

    /** bn, relu, conv three times, plus the input or its 1x1 projection: the module written out from its children. */
    private static NDArray byHand(Residual r, ParameterStore ps, NDArray x) {
        NDArray y = x;
        for (int i = 1; i <= 3; i++) {
            y = Residual.run(child(r, "bn" + i), ps, y, false);
            y = Residual.run(child(r, "conv" + i), ps, Activation.relu(y), false);
        }
        Block skip = child(r, "skip");
        return y.add(skip == null ? x : Residual.run(skip, ps, x, false));
    }

    /** The child added under {@code name} (DJL prefixes a child's name with its position), or null. */
    private static Block child(Block b, String name) {
        for (var c : b.getChildren()) {
            if (c.getKey().replaceFirst("^\\d+", "").equals(name)) {
                return c.getValue();
            }
        }
        return null;
    }

    @Test
    void inferenceFreesItsIntermediatesAndComputesTheModule() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(7);
            for (int[] c : new int[][] {{32, 32}, {16, 32}}) {
                Residual r = new Residual(c[0], c[1]);
                r.setInitializer(new NormalInitializer(), Parameter.Type.WEIGHT);
                Shape in = new Shape(2, c[0], 8, 8);
                r.initialize(m, DataType.FLOAT32, in);
                ParameterStore ps = new ParameterStore(m, false);
                try (NDManager batch = m.newSubManager();
                        NDManager reference = m.newSubManager()) {
                    NDArray x = batch.randomNormal(in);
                    NDArray actual = r.forward(ps, new NDList(x), false).singletonOrThrow();
                    assertEquals(2, batch.getManagedArrays().size(), "only input and output stay with the batch");
                    NDArray x2 = x.duplicate();
                    x2.attach(reference);
                    NDArray expected = byHand(r, ps, x2);
                    assertEquals(new Shape(2, c[1], 8, 8), actual.getShape());
                    float diff = expected.sub(actual).abs().max().getFloat();
                    assertTrue(
                            diff <= 1e-5f * Math.max(1f, expected.abs().max().getFloat()),
                            c[0] + "->" + c[1] + ": " + diff);
                    assertTrue(!x.isReleased(), "the input stays open (the hourglass reads it again)");
                }
            }
        }
    }
}

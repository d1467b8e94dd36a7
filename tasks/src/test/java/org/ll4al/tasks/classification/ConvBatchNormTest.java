package org.ll4al.tasks.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import org.junit.jupiter.api.Test;

class ConvBatchNormTest {

    /** Gives every batch-norm parameter of {@code b} (gamma, beta, running mean and variance) non-trivial values. */
    private static void randomiseBatchNorms(Block b, NDManager m) {
        for (var p : b.getParameters()) {
            NDArray a = p.getValue().getArray();
            String name = p.getKey();
            if (name.endsWith("gamma") || name.endsWith("runningVar")) {
                a.set(m.randomUniform(0.5f, 2f, a.getShape()).toFloatArray());
            } else if (name.endsWith("beta") || name.endsWith("runningMean")) {
                a.set(m.randomNormal(0f, 0.5f, a.getShape(), DataType.FLOAT32).toFloatArray());
            }
        }
    }

    @Test
    void foldedConvolutionEqualsConvolutionThenBatchNormWithRunningStatistics() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            for (int[] c : new int[][] {{3, 1}, {3, 2}, {1, 2}}) {
                Block conv = BasicBlock.conv(8, c[0], c[1]);
                Block bn = ConvBatchNorm.batchNorm();
                conv.setInitializer(new NormalInitializer(), Parameter.Type.WEIGHT);
                Shape in = new Shape(4, 5, 9, 9);
                conv.initialize(m, DataType.FLOAT32, in);
                bn.initialize(m, DataType.FLOAT32, conv.getOutputShapes(new Shape[] {in}));
                randomiseBatchNorms(bn, m);
                ParameterStore ps = new ParameterStore(m, false);
                NDArray weight = conv.getParameters().get("weight").getArray();
                try (NDManager batch = m.newSubManager()) {
                    NDArray x = batch.randomNormal(in);
                    NDArray expected = ConvBatchNorm.unfolded(conv, bn, ps, x, false);
                    NDArray actual = ConvBatchNorm.folded(conv, bn, ps, x);
                    assertEquals(expected.getShape(), actual.getShape());
                    float maxAbs = expected.abs().max().getFloat();
                    float diff = expected.sub(actual).abs().max().getFloat();
                    assertTrue(
                            diff <= 1e-5f * Math.max(1f, maxAbs),
                            "kernel " + c[0] + " stride " + c[1] + ": max |diff| " + diff);
                    assertSame(batch, actual.getManager(), "the output belongs to the input's manager");
                }
                assertSame(m, weight.getManager(), "the parameters return to their own manager");
            }
        }
    }

    @Test
    void resNetInferenceWithFoldingEqualsTheUnfoldedNetwork() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(5);
            CifarResNet net = new CifarResNet(0.25, 10);
            net.setInitializer(new NormalInitializer(), Parameter.Type.WEIGHT);
            Shape in = new Shape(3, 3, 32, 32);
            net.initialize(m, DataType.FLOAT32, in);
            randomiseBatchNorms(net, m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(in);
            NDList folded = net.forward(ps, new NDList(x), false);
            NDList reference;
            System.setProperty(ConvBatchNorm.PROPERTY, "false");
            try {
                reference = net.forward(ps, new NDList(x), false);
            } finally {
                System.clearProperty(ConvBatchNorm.PROPERTY);
            }
            assertEquals(6, folded.size());
            for (int i = 0; i < folded.size(); i++) {
                float scale = Math.max(1f, reference.get(i).abs().max().getFloat());
                float diff = reference.get(i).sub(folded.get(i)).abs().max().getFloat();
                assertTrue(diff <= 1e-4f * scale, "output " + i + ": max |diff| " + diff + " (scale " + scale + ")");
            }
        }
    }
}

package org.ll4al.selection.lossprediction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import org.junit.jupiter.api.Test;

class LearningLossNetworkTest {

    /** A tiny target model: conv -> [linear head, conv map as the one tap, pooled embedding]. */
    static final class TinyTarget extends AbstractBlock {
        final Block conv = addChildBlock(
                "conv",
                Conv2d.builder()
                        .setKernelShape(new Shape(3, 3))
                        .optPadding(new Shape(1, 1))
                        .setFilters(4)
                        .build());
        final Block head = addChildBlock("head", Linear.builder().setUnits(3).build());

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            NDArray f = conv.forward(ps, in, training).singletonOrThrow();
            NDArray emb = Pool.globalAvgPool2d(f);
            return new NDList(head.forward(ps, new NDList(emb), training).singletonOrThrow(), f, emb);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] s) {
            long b = s[0].get(0);
            return new Shape[] {new Shape(b, 3), new Shape(b, 4, s[0].get(2), s[0].get(3)), new Shape(b, 4)};
        }

        @Override
        protected void initializeChildBlocks(NDManager m, DataType t, Shape... s) {
            conv.initialize(m, t, s);
            head.initialize(m, t, new Shape(s[0].get(0), 4));
        }
    }

    private static float gradNorm(Block b) {
        float sum = 0;
        for (var p : b.getParameters()) {
            NDArray g = p.getValue().getArray().getGradient();
            sum += g.abs().sum().getFloat();
        }
        return sum;
    }

    private static float[] gradsAfterBackward(boolean detach) {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            TinyTarget target = new TinyTarget();
            LossPredictionModule module =
                    LossPredictionModule.builder().setTapCount(1).optWidth(8).build();
            LearningLossNetwork net = new LearningLossNetwork(target, module);
            net.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
            net.initialize(m, DataType.FLOAT32, new Shape(4, 2, 5, 5));
            net.setDetachFeatures(detach);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(4, 2, 5, 5));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList out = net.forward(ps, new NDList(x), true);
                assertEquals(4, out.size(), "head, tap, embedding, predicted loss");
                assertEquals(new Shape(4), net.predictedLoss(out).getShape());
                NDArray truth = m.create(new float[] {4, 1, 3, 2});
                // only the loss-prediction part: its gradient reaches the target only through the tap
                gc.backward(
                        new LossPredictionLoss(LossPredictionLoss.Kind.MSE, 1f).compute(net.predictedLoss(out), truth));
            }
            return new float[] {gradNorm(target.conv), gradNorm(target.head), gradNorm(module)};
        }
    }

    @Test
    void moduleGradientReachesBackboneUntilDetached() {
        float[] attached = gradsAfterBackward(false);
        assertTrue(attached[0] > 0, "conv receives the module's gradient before the stop epoch");
        assertEquals(0f, attached[1], "the head is not on the module's path");
        assertTrue(attached[2] > 0);
        float[] detached = gradsAfterBackward(true);
        assertEquals(0f, detached[0], "no gradient into the backbone after the stop epoch");
        assertTrue(detached[2] > 0, "the module keeps learning");
    }

    @Test
    void jointObjectiveIsTaskPlusLambdaTimesRanking() {
        try (NDManager m = NDManager.newBaseManager()) {
            JointObjective o = new JointObjective(0.5f, 3, LossPredictionLoss.paper());
            NDArray taskLoss = m.create(new float[] {0.5f, 2f, 1f, 0.1f});
            NDArray pred = m.create(new float[] {3, 1, 2, 0});
            JointObjective.Parts parts = o.compute(taskLoss, pred);
            assertEquals(0.9f, parts.task().getFloat(), 1e-6);
            assertEquals(1.0f, parts.lossPrediction().getFloat(), 1e-6);
            assertEquals(0.9f + 0.5f, parts.total().getFloat(), 1e-6);
            assertEquals(false, o.detachAt(2));
            assertEquals(true, o.detachAt(3));
        }
    }

    @Test
    void weightedObjectiveRanksEachSamplesTermOrItsPerSampleLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            // per positive 2 and 1 with 1 and 4 positives: the objective's terms are 2 and 4, so the
            // pair (0, 1) is ordered one way by SAMPLE and the other way by OBJECTIVE
            NDArray taskLoss = m.create(new float[] {2f, 1f});
            NDArray weights = m.create(new float[] {1f, 4f});
            NDArray pred = m.create(new float[] {5f, 0f});
            JointObjective sample = new JointObjective(1f, 9, LossPredictionLoss.paper(), JointObjective.Target.SAMPLE);
            JointObjective objective =
                    new JointObjective(1f, 9, LossPredictionLoss.paper(), JointObjective.Target.OBJECTIVE);
            JointObjective.Parts s = sample.compute(taskLoss, weights, pred);
            JointObjective.Parts o = objective.compute(taskLoss, weights, pred);
            assertEquals((2f * 1 + 1f * 4) / 5, s.task().getFloat(), 1e-6, "SSD's normalisation either way");
            assertEquals(s.task().getFloat(), o.task().getFloat(), 1e-6);
            assertEquals(0f, s.lossPrediction().getFloat(), 1e-6, "2 > 1 and predicted 5 - 0 >= margin");
            assertEquals(6f, o.lossPrediction().getFloat(), 1e-6, "2 < 4 but predicted higher: 5 - 0 + 1");
            assertArrayEquals(
                    new float[] {2f, 4f},
                    JointObjective.Target.OBJECTIVE.of(taskLoss, weights).toFloatArray());
            assertArrayEquals(
                    new float[] {2f, 1f},
                    JointObjective.Target.OBJECTIVE.of(taskLoss, null).toFloatArray(),
                    "without weights both targets are the per-sample loss");
        }
    }

    @Test
    void moduleTakesAnyNumberOfMapsOfAnyWidth() {
        try (NDManager m = NDManager.newBaseManager()) {
            LossPredictionModule module =
                    LossPredictionModule.builder().setTapCount(3).build();
            module.setInitializer(new NormalInitializer(), Parameter.Type.WEIGHT);
            Shape[] in = {new Shape(2, 8, 6, 6), new Shape(2, 16, 3, 3), new Shape(2, 5, 1, 1)};
            module.initialize(m, DataType.FLOAT32, in);
            NDList maps = new NDList();
            for (Shape s : in) {
                maps.add(m.randomNormal(s));
            }
            NDArray y =
                    module.forward(new ParameterStore(m, false), maps, false).singletonOrThrow();
            assertEquals(new Shape(2, 1), y.getShape());
            // per tap FC(128) + final FC(1): (8+1)*128 + (16+1)*128 + (5+1)*128 + (384+1)
            long params = 0;
            for (var p : module.getParameters()) {
                params += p.getValue().getArray().size();
            }
            assertEquals((9 + 17 + 6) * 128 + 385, params);
        }
    }
}

package org.ll4al.selection.lossprediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LossPredictionLossTest {

    private NDManager m;

    @BeforeEach
    void open() {
        m = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        m.close();
    }

    private float ranking(float[] pred, float[] truth, float margin) {
        return new LossPredictionLoss(LossPredictionLoss.Kind.RANKING, margin)
                .compute(m.create(pred), m.create(truth))
                .getFloat();
    }

    @Test
    void pairsFirstWithLastAndAveragesOverHalfTheBatch() {
        // pairs (0,3): l0 > l3, l^0 - l^3 = 3 -> max(0, -3 + 1) = 0
        //       (1,2): l1 > l2, l^1 - l^2 = -1 -> max(0, 1 + 1) = 2; mean over 2 pairs = 1
        assertEquals(1.0f, ranking(new float[] {3, 1, 2, 0}, new float[] {0.5f, 2f, 1f, 0.1f}, 1f), 1e-6);
    }

    @Test
    void tieInTrueLossCountsAsMinusOne() {
        // l0 == l1 -> sign -1; l^0 - l^1 = 0.5 -> max(0, 0.5 + 1) = 1.5
        assertEquals(1.5f, ranking(new float[] {0.5f, 0f}, new float[] {1f, 1f}, 1f), 1e-6);
    }

    @Test
    void oddBatchDropsTheMiddleSample() {
        // pairs (0,4): sign +1, diff -4 -> 5; (1,3): sign +1, diff -2 -> 3; sample 2 unpaired; mean 4
        assertEquals(4f, ranking(new float[] {1, 2, 3, 4, 5}, new float[] {5, 4, 3, 2, 1}, 1f), 1e-6);
        // the middle sample's values do not matter
        assertEquals(4f, ranking(new float[] {1, 2, 99, 4, 5}, new float[] {5, 4, -7, 2, 1}, 1f), 1e-6);
    }

    @Test
    void marginIsRespected() {
        // correctly ordered pair with gap 0.3: max(0, -0.3 + xi)
        assertEquals(0.2f, ranking(new float[] {0.3f, 0f}, new float[] {2f, 1f}, 0.5f), 1e-6);
        assertEquals(0f, ranking(new float[] {0.3f, 0f}, new float[] {2f, 1f}, 0.2f), 1e-6);
    }

    private float allPairs(float[] pred, float[] truth, float margin) {
        return new LossPredictionLoss(LossPredictionLoss.Kind.ALLPAIRS, margin)
                .compute(m.create(pred), m.create(truth))
                .getFloat();
    }

    /** The cost of pair (i, j), i < j, written out as the paper's formula. */
    private static double pairCost(float[] pred, float[] truth, int i, int j, float margin) {
        double sign = truth[i] > truth[j] ? 1 : -1;
        return Math.max(0, -sign * (pred[i] - pred[j]) + margin);
    }

    @Test
    void allPairsAveragesTheCostOfEveryPair() {
        // (0,1) 3, (0,2) 2, (0,3) 0, (1,2) 2, (1,3) 0, (2,3) 0: 7 over 6 pairs
        assertEquals(7f / 6f, allPairs(new float[] {3, 1, 2, 0}, new float[] {0.5f, 2f, 1f, 0.1f}, 1f), 1e-6);
        Random rng = new Random(3);
        for (int b : new int[] {2, 5, 16}) {
            float[] pred = new float[b];
            float[] truth = new float[b];
            for (int i = 0; i < b; i++) {
                pred[i] = (float) rng.nextGaussian();
                truth[i] = rng.nextInt(4); // ties included
            }
            double sum = 0;
            for (int i = 0; i < b; i++) {
                for (int j = i + 1; j < b; j++) {
                    sum += pairCost(pred, truth, i, j, 0.7f);
                }
            }
            assertEquals(sum / (b * (b - 1) / 2.0), allPairs(pred, truth, 0.7f), 1e-5, "batch " + b);
        }
    }

    @Test
    void allPairsGradient() {
        NDArray pred = m.create(new float[] {3, 1, 2, 0.5f});
        pred.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(new LossPredictionLoss(LossPredictionLoss.Kind.ALLPAIRS, 1f)
                    .compute(pred, m.create(new float[] {0.5f, 2f, 1f, 0.1f})));
        }
        // active pairs (0,1), (0,2), (1,2), (1,3); (0,3), (2,3) are ordered beyond the margin
        Assertions.assertArrayEquals(
                new float[] {2f / 6f, -3f / 6f, 0f, 1f / 6f}, pred.getGradient().toFloatArray(), 1e-6f);
    }

    @Test
    void mseAblation() {
        float v = new LossPredictionLoss(LossPredictionLoss.Kind.MSE, 1f)
                .compute(m.create(new float[] {1, 2}), m.create(new float[] {0, 4}))
                .getFloat();
        assertEquals((1f + 4f) / 2f, v, 1e-6);
    }

    @Test
    void trueLossesAreDetachedAndPredictionGetsGradient() {
        NDArray pred = m.create(new float[] {3, 1, 2, 0});
        NDArray truth = m.create(new float[] {0.5f, 2f, 1f, 0.1f});
        pred.setRequiresGradient(true);
        truth.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(LossPredictionLoss.paper().compute(pred, truth));
        }
        // only pair (1,2) is active: d/dl^1 = -1/2, d/dl^2 = +1/2
        Assertions.assertArrayEquals(
                new float[] {0f, -0.5f, 0.5f, 0f}, pred.getGradient().toFloatArray(), 1e-6f);
        Assertions.assertArrayEquals(
                new float[] {0f, 0f, 0f, 0f}, truth.getGradient().toFloatArray(), 0f);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(
                IllegalArgumentException.class, () -> new LossPredictionLoss(LossPredictionLoss.Kind.RANKING, -1f));
        assertThrows(IllegalArgumentException.class, () -> ranking(new float[] {1}, new float[] {1}, 1f));
    }
}

package org.ll4al.tasks.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LossRankingTest {

    @Test
    void countsConcordantPairsSkippingTrueTies() {
        float[] truth = {1f, 2f, 3f, 1f};
        float[] pred = {0.1f, 0.5f, 0.4f, 0.2f};
        // distinct-truth pairs: (0,1) ok, (0,2) ok, (1,2) wrong, (1,3) ok, (2,3) ok; (0,3) tie skipped
        assertEquals(4.0 / 5.0, LossRanking.accuracy(truth, pred), 1e-12);
        assertTrue(Double.isNaN(LossRanking.accuracy(new float[] {1, 1}, new float[] {0, 1})));
    }

    @Test
    void aTieInPredictionEarnsItsCredit() {
        float[] truth = {1f, 2f, 3f};
        float[] pred = {0f, 0f, 1f};
        // (0,1) tied prediction, (0,2) ok, (1,2) ok
        assertEquals(2.0 / 3.0, LossRanking.accuracy(truth, pred), 1e-12);
        assertEquals(2.5 / 3.0, LossRanking.accuracy(truth, pred, 0.5), 1e-12);
    }
}

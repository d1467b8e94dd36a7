package org.ll4al.tasks.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.ll4al.results.SelectionDiagnostics;
import org.ll4al.selection.PoolView;
import org.ll4al.selection.Signal;
import org.ll4al.tasks.LabelEntropy;

class DiagnoseTest {

    private static final int[] IDS = {40, 7, 913, 12};

    private static PoolView pool(float[] truth, float[] predicted) {
        return PoolView.builder()
                .setIds(IDS)
                .optScores(Signal.TRUE_LOSS, truth)
                .optScores(Signal.PREDICTED_LOSS, predicted)
                .build();
    }

    @Test
    void ratioOfPickedMeanLossToSubsetMeanByDatasetId() {
        // subset mean (1 + 2 + 3 + 6) / 4 = 3; picks 913 (3) and 12 (6): mean 4.5, ratio 1.5
        PoolView p = pool(new float[] {1, 2, 3, 6}, new float[] {0, 1, 2, 3});
        SelectionDiagnostics d = Diagnose.selection(p, new int[] {913, 12}, 0.25);
        assertEquals(1.5, d.pickedLossRatio(), 1e-12);
        assertEquals(1.0, d.subsetLossRankAccuracy(), 1e-12, "prediction orders every pair as the truth");
        assertEquals(0.25, d.pickedLabelEntropy(), 0.0);
    }

    @Test
    void rankAccuracyCountsPairsOfTheSubset() {
        // truth 1 < 2 < 3 < 6; prediction swaps the first two: 5 of 6 pairs right
        PoolView p = pool(new float[] {1, 2, 3, 6}, new float[] {1, 0, 2, 3});
        assertEquals(5.0 / 6, Diagnose.selection(p, new int[] {40}, Double.NaN).subsetLossRankAccuracy(), 1e-12);
    }

    @Test
    void anIdOutsideTheSubsetIsAnError() {
        PoolView p = pool(new float[] {1, 2, 3, 6}, new float[] {0, 1, 2, 3});
        assertThrows(IllegalArgumentException.class, () -> Diagnose.selection(p, new int[] {41}, 0));
    }

    @Test
    void labelEntropyIsNormalisedByTheClassCount() {
        assertEquals(1.0, LabelEntropy.normalised(new int[] {3, 3, 3, 3}), 1e-12);
        assertEquals(0.0, LabelEntropy.normalised(new int[] {0, 5, 0}), 1e-12);
        // two of four classes, equal: ln 2 / ln 4 = 0.5
        assertEquals(0.5, LabelEntropy.normalised(new int[] {2, 0, 2, 0}), 1e-12);
        assertEquals(Double.NaN, LabelEntropy.normalised(new int[] {0, 0}));
    }
}

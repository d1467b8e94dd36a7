package org.ll4al.tasks.training;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CycleTrainingTest {

    @Test
    void anEpochWhoseLossExplodesWhileFiniteFailsTheCycle() {
        var first = new CycleTraining.Losses(200, 10.0, 1.0);
        // lambda 10 on the detection cpu preset: task loss 10 -> 7.6e10, still finite
        var e = assertThrows(
                TrainingDivergedException.class,
                () -> CycleTraining.checkNotExploded(first, new CycleTraining.Losses(200, 7.6e10, 1e23), 28));
        assertTrue(e.getMessage().contains("epoch 28") && e.getMessage().contains("exploded"), e.getMessage());
        assertThrows(
                TrainingDivergedException.class,
                () -> CycleTraining.checkNotExploded(first, new CycleTraining.Losses(200, 5.0, 1001.0), 3),
                "the loss-prediction loss alone");
        assertDoesNotThrow(
                () -> CycleTraining.checkNotExploded(first, new CycleTraining.Losses(200, 9999.0, 999.0), 3),
                "below 1000 x the first epoch's");
        assertDoesNotThrow(
                () -> CycleTraining.checkNotExploded(
                        new CycleTraining.Losses(200, 0.0, 0.0), new CycleTraining.Losses(200, 5.0, 5.0), 3),
                "a first epoch at 0 sets no bound");
    }
}

package org.ll4al.tasks.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.ll4al.selection.LossPredictionLoss;

class TrainSettingsTest {

    @Test
    void stretchingScalesMilestonesAndTheDetachEpoch() {
        TrainSettings s = new TrainSettings(20, 64, 0.1f, new int[] {16}, 0.9f, 5e-4f, "sgd", 1f, 1f, 12,
                LossPredictionLoss.Kind.RANKING);
        TrainSettings l = s.stretchedTo(40);
        assertEquals(40, l.epochs());
        assertArrayEquals(new int[] {32}, l.milestones());
        assertEquals(24, l.detachEpoch());
        assertEquals(s.lr(), l.lr());
        TrainSettings cpu = new TrainSettings(6, 64, 0.1f, new int[] {5}, 0.9f, 5e-4f, "sgd", 1f, 1f, 4,
                LossPredictionLoss.Kind.RANKING).stretchedTo(20);
        assertArrayEquals(new int[] {17}, cpu.milestones(), "round(5 x 20 / 6) = 17");
        assertEquals(13, cpu.detachEpoch(), "round(4 x 20 / 6) = 13");
        assertSame(s, s.stretchedTo(20));
    }
}

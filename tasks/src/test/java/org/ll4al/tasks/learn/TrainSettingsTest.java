package org.ll4al.tasks.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TrainSettingsTest {

    @Test
    void stretchingScalesMilestonesAndTheDetachEpoch() {
        TrainSettings s = TrainSettings.builder().setEpochs(20).setBatch(64).setLr(0.1f).optMilestones(16)
                .optDetachEpoch(12).build();
        TrainSettings l = s.stretchedTo(40);
        assertEquals(40, l.epochs());
        assertArrayEquals(new int[] {32}, l.milestones());
        assertEquals(24, l.detachEpoch());
        assertEquals(s.lr(), l.lr());
        TrainSettings cpu = TrainSettings.builder().setEpochs(6).setBatch(64).setLr(0.1f).optMilestones(5)
                .optDetachEpoch(4).build().stretchedTo(20);
        assertArrayEquals(new int[] {17}, cpu.milestones(), "round(5 x 20 / 6) = 17");
        assertEquals(13, cpu.detachEpoch(), "round(4 x 20 / 6) = 13");
        assertSame(s, s.stretchedTo(20));
    }
}

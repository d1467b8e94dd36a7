package org.ll4al.tasks.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ll4al.selection.lossprediction.JointObjective;

class TrainSettingsTest {

    @Test
    void stretchingScalesMilestonesAndTheDetachEpoch() {
        TrainSettings s = TrainSettings.builder()
                .setEpochs(20)
                .setBatch(64)
                .setLr(0.1f)
                .optMilestones(16)
                .optDetachEpoch(12)
                .build();
        TrainSettings l = s.stretchedTo(40);
        assertEquals(40, l.epochs());
        assertArrayEquals(new int[] {32}, l.milestones());
        assertEquals(24, l.detachEpoch());
        assertEquals(s.lr(), l.lr());
        TrainSettings cpu = TrainSettings.builder()
                .setEpochs(6)
                .setBatch(64)
                .setLr(0.1f)
                .optMilestones(5)
                .optDetachEpoch(4)
                .build()
                .stretchedTo(20);
        assertArrayEquals(new int[] {17}, cpu.milestones(), "round(5 x 20 / 6) = 17");
        assertEquals(13, cpu.detachEpoch(), "round(4 x 20 / 6) = 13");
        assertSame(s, s.stretchedTo(20));
        assertEquals(3f, s.toBuilder().optModuleLr(3f).build().stretchedTo(40).moduleLr(), "stretching keeps moduleLr");
        assertEquals(JointObjective.Target.SAMPLE, s.lossTarget(), "the default ranks the per-sample loss");
        assertEquals(
                JointObjective.Target.OBJECTIVE,
                s.toBuilder()
                        .optLossTarget(JointObjective.Target.OBJECTIVE)
                        .build()
                        .stretchedTo(40)
                        .lossTarget());
        assertEquals(128, s.moduleWidth(), "the paper's module width");
        assertEquals(
                32, s.toBuilder().optModuleWidth(32).build().stretchedTo(40).moduleWidth());
        var ex = assertThrows(
                IllegalArgumentException.class,
                () -> s.toBuilder().optModuleWidth(0).build());
        assertTrue(ex.getMessage().contains("moduleWidth 0"), ex.getMessage());
    }

    @Test
    void moduleParametersLearnAtModuleLrTimesTheScheduledRate() {
        TrainSettings s = TrainSettings.builder()
                .setEpochs(4)
                .setBatch(2)
                .setLr(0.01f)
                .optMilestones(2)
                .optWarmupEpochs(1)
                .optModuleLr(10f)
                .build();
        var tracker = CycleTraining.schedule(s, 5, Set.of("module-w"));
        // update 0 of a 5-update warmup: lr x 1/5; update 12 is past the milestone at 10: lr x 0.1
        assertEquals(0.002f, tracker.getNewValue("target-w", 0), 1e-9f);
        assertEquals(0.02f, tracker.getNewValue("module-w", 0), 1e-8f);
        assertEquals(0.01f, tracker.getNewValue("target-w", 7), 1e-9f);
        assertEquals(0.1f, tracker.getNewValue("module-w", 7), 1e-8f);
        assertEquals(0.001f, tracker.getNewValue("target-w", 12), 1e-9f);
        assertEquals(0.01f, tracker.getNewValue("module-w", 12), 1e-8f);
        var ex = assertThrows(
                IllegalArgumentException.class,
                () -> s.toBuilder().optModuleLr(0f).build());
        assertTrue(ex.getMessage().contains("moduleLr"), ex.getMessage());
    }
}

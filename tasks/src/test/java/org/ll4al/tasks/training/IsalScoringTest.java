package org.ll4al.tasks.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.selection.PoolView;
import org.ll4al.selection.Signal;
import org.ll4al.selection.Strategies;
import org.ll4al.tasks.classification.Cifar10;
import org.ll4al.tasks.classification.Cifar10Writer;
import org.ll4al.tasks.classification.ClassificationTask;

/** ISAL on the real network: seeded, R never picked, and the model (values and gradients) left as it was. */
class IsalScoringTest {

    @TempDir
    Path dir;

    private static List<float[]> state(ActiveLearner l) {
        List<float[]> out = new ArrayList<>();
        for (var p : l.network().getParameters()) {
            var a = p.getValue().getArray();
            out.add(a.toFloatArray());
            if (a.hasGradient()) {
                try (var g = a.getGradient()) {
                    out.add(g.toFloatArray());
                }
            }
        }
        return out;
    }

    @Test
    void influenceIsSeededSkipsTheReferenceSetAndLeavesTheModelUntouched() throws Exception {
        Cifar10Writer.writeSynthetic(dir, 60, 10, 5);
        int[] pool = new int[60];
        Arrays.setAll(pool, i -> i);
        ClassificationTask task = new ClassificationTask(
                Cifar10.loadTrain(dir), pool, Cifar10.loadTest(dir), new int[] {0, 1, 2, 3}, 0.125);
        TrainSettings s = TrainSettings.builder()
                .setEpochs(1)
                .setBatch(10)
                .setLr(0.05f)
                .optDetachEpoch(1)
                .build();
        int[] labeled = Arrays.copyOf(pool, 20);
        int[] reference = {20, 21, 22, 23, 24};
        int[] subset = Arrays.copyOfRange(pool, 20, 60);
        IsalSettings isal = new IsalSettings(0.01, 1e4, 5, 2, 1, 1e-3, false, reference.length, false);
        Scoring extras = new Scoring(List.of(), 0, isal, reference, 42);
        try (ActiveLearner l = ActiveLearner.create(task, s, Device.cpu(), 3)) {
            l.train(labeled, new Random(1), EpochListener.NONE);
            List<float[]> before = state(l);
            PoolView a = l.score(subset, labeled, Set.of(Signal.INFLUENCE), extras);
            List<float[]> after = state(l);
            assertEquals(before.size(), after.size());
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), after.get(i), 0f, "parameter or gradient " + i + " changed by ISAL");
            }
            float[] b =
                    l.score(subset, labeled, Set.of(Signal.INFLUENCE), extras).scores(Signal.INFLUENCE);
            assertArrayEquals(a.scores(Signal.INFLUENCE), b, "same seed, same influence");
            for (int i = 0; i < subset.length; i++) {
                boolean inR = subset[i] <= 24;
                assertEquals(inR, a.scores(Signal.INFLUENCE)[i] == Float.POSITIVE_INFINITY, "id " + subset[i]);
            }
            assertTrue(l.lastInfluenceCost().startsWith("isal over "), l.lastInfluenceCost());
            var picks = Strategies.byName("isal").select(a, 10, new Random(0));
            assertTrue(Arrays.stream(picks.ids()).allMatch(id -> id > 24), "R is never picked");
        }
    }
}

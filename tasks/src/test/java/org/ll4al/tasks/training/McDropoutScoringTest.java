package org.ll4al.tasks.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.selection.PoolView;
import org.ll4al.selection.Signal;
import org.ll4al.tasks.classification.Cifar10;
import org.ll4al.tasks.classification.Cifar10Writer;
import org.ll4al.tasks.classification.ClassificationTask;

/** MC dropout is real in BALD's passes, off in every other pass, and leaves BatchNorm's statistics alone. */
class McDropoutScoringTest {

    @TempDir
    Path dir;

    @Test
    void baldPassesAreStochasticSeededAndLeaveEverythingElseDeterministic() throws Exception {
        Cifar10Writer.writeSynthetic(dir, 60, 10, 5);
        int[] pool = new int[60];
        Arrays.setAll(pool, i -> i);
        ClassificationTask task = new ClassificationTask(
                Cifar10.loadTrain(dir), pool, Cifar10.loadTest(dir), new int[] {0, 1, 2, 3}, 0.125, 0.5f);
        TrainSettings s = TrainSettings.builder()
                .setEpochs(1)
                .setBatch(10)
                .setLr(0.05f)
                .optDetachEpoch(1)
                .build();
        int[] subset = Arrays.copyOfRange(pool, 20, 60);
        try (ActiveLearner l = ActiveLearner.create(task, s, Device.cpu(), 3)) {
            l.train(Arrays.copyOf(pool, 20), new Random(1), EpochListener.NONE);
            float[] runningMean = runningMeans(l);
            Set<Signal> plain = Set.of(Signal.PREDICTED_LOSS, Signal.ENTROPY);
            PoolView a = l.score(subset, new int[0], plain);
            PoolView b = l.score(subset, new int[0], plain);
            assertArrayEquals(a.scores(Signal.ENTROPY), b.scores(Signal.ENTROPY), "dropout off outside BALD");
            Engine.getInstance().setRandomSeed(11);
            float[] bald1 = l.score(
                            subset,
                            new int[0],
                            Set.of(Signal.BALD),
                            new Scoring(List.of(), 8, IsalSettings.DEFAULTS, new int[0], 0))
                    .scores(Signal.BALD);
            Engine.getInstance().setRandomSeed(11);
            float[] bald2 = l.score(
                            subset,
                            new int[0],
                            Set.of(Signal.BALD),
                            new Scoring(List.of(), 8, IsalSettings.DEFAULTS, new int[0], 0))
                    .scores(Signal.BALD);
            assertArrayEquals(bald1, bald2, "same engine seed, same masks");
            double sum = 0;
            for (float v : bald1) {
                assertTrue(v >= -1e-5f, "mutual information is >= 0: " + v);
                sum += v;
            }
            assertTrue(sum / bald1.length > 1e-4, "passes differ: mean MI " + sum / bald1.length);
            assertArrayEquals(
                    a.scores(Signal.ENTROPY),
                    l.score(subset, new int[0], plain).scores(Signal.ENTROPY),
                    "dropout off again after BALD");
            assertArrayEquals(runningMean, runningMeans(l), "BatchNorm statistics untouched by MC passes");
        }
    }

    private static float[] runningMeans(ActiveLearner l) {
        float[] out = new float[0];
        for (var p : l.network().getParameters()) {
            if (p.getValue().getType() == Parameter.Type.RUNNING_MEAN) {
                float[] v = p.getValue().getArray().toFloatArray();
                float[] joined = Arrays.copyOf(out, out.length + v.length);
                System.arraycopy(v, 0, joined, out.length, v.length);
                out = joined;
            }
        }
        assertEquals(true, out.length > 0);
        return out;
    }
}

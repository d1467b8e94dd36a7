package org.ll4al.tasks.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.selection.PoolView;
import org.ll4al.selection.Selection;
import org.ll4al.selection.SelectionStrategy;
import org.ll4al.selection.Signal;
import org.ll4al.tasks.classification.Cifar10;
import org.ll4al.tasks.classification.Cifar10Writer;
import org.ll4al.tasks.classification.ClassificationTask;

/**
 * A new strategy with a new signal, written here as a user would: it declares its signal, registers
 * the signal's provider, and implements the strategy. Nothing in the main code changes: scoring,
 * the strategy check and (in a run) the selection step take the signal from the registry.
 */
class ToyStrategyTest {

    /** The toy's signal: the model's highest class posterior. */
    static final Signal TOP_POSTERIOR = Signal.scalar("TOP_POSTERIOR");

    /** Picks the samples the model is most sure of (the opposite of least confidence). */
    static final class MostConfident implements SelectionStrategy {
        @Override
        public String name() {
            return "most-confident";
        }

        @Override
        public String description() {
            return "highest top posterior first";
        }

        @Override
        public Set<Signal> requiredSignals() {
            return Set.of(TOP_POSTERIOR);
        }

        @Override
        public Selection select(PoolView pool, int budget, Random rng) {
            float[] s = pool.scores(TOP_POSTERIOR);
            int[] order = IntStream.range(0, s.length)
                    .boxed()
                    .sorted(Comparator.comparingDouble(i -> -s[i]))
                    .mapToInt(i -> i)
                    .limit(budget)
                    .toArray();
            return new Selection(
                    Arrays.stream(order).map(i -> pool.ids()[i]).toArray(),
                    Arrays.stream(order).mapToDouble(i -> s[i]).toArray());
        }
    }

    @TempDir
    Path dir;

    @BeforeAll
    static void registerTheSignal() {
        SignalProviders.register(new SignalProvider() {
            @Override
            public Signal signal() {
                return TOP_POSTERIOR;
            }

            @Override
            public NDArray compute(ScoredBatch batch) {
                NDArray p = batch.task().posteriors(batch.heads()); // [batch, positions, classes]
                return p.reshape(new Shape(batch.batch().ids().length, -1)).max(new int[] {1});
            }
        });
    }

    @Test
    void aNewSignalAndStrategyScoreAndPickThroughTheRegistry() throws Exception {
        Cifar10Writer.writeSynthetic(dir, 60, 10, 5);
        int[] pool = new int[60];
        Arrays.setAll(pool, i -> i);
        ClassificationTask task = new ClassificationTask(
                Cifar10.loadTrain(dir), pool, Cifar10.loadTest(dir), new int[] {0, 1, 2, 3}, 0.125, 0f);
        TrainSettings s =
                TrainSettings.builder().setEpochs(1).setBatch(10).setLr(0.05f).build();
        int[] subset = Arrays.copyOfRange(pool, 20, 60);
        MostConfident toy = new MostConfident();
        try (ActiveLearner l = ActiveLearner.create(task, s, Device.cpu(), 3)) {
            l.train(Arrays.copyOf(pool, 20), new Random(1), EpochListener.NONE);
            assertTrue(SignalCheck.unmet(
                            task, toy.requiredSignals(), l.targetModel().block())
                    .isEmpty());
            Selection picked = toy.select(l.score(subset, new int[0], toy.requiredSignals()), 5, new Random(0));
            // the same picks from a built-in signal: least confidence is 1 - the top posterior
            float[] lc =
                    l.score(subset, new int[0], Set.of(Signal.LEAST_CONFIDENCE)).scores(Signal.LEAST_CONFIDENCE);
            int[] expected = IntStream.range(0, subset.length)
                    .boxed()
                    .sorted(Comparator.comparingDouble(i -> lc[i]))
                    .mapToInt(i -> subset[i])
                    .limit(5)
                    .toArray();
            assertArrayEquals(expected, picked.ids());
            for (int i = 0; i < 5; i++) {
                int at = Arrays.binarySearch(subset, picked.ids()[i]);
                assertEquals(1 - lc[at], picked.scores()[i], 1e-5);
            }
        }
    }

    @Test
    void aSignalWithoutProviderIsRefusedByTheCheck() {
        Signal unknown = Signal.scalar("UNREGISTERED");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SignalCheck.unmet(null, Set.of(unknown), null));
        assertTrue(e.getMessage().contains("no provider is registered for signal UNREGISTERED"), e.getMessage());
    }
}

package org.ll4al.tasks.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.ll4al.selection.McDropout;
import org.ll4al.selection.Signal;
import org.ll4al.tasks.ActiveLearningTask;

/**
 * The registry of {@link SignalProvider}s: one per signal, the built-in signals' here, a new
 * signal's added with {@link #register}.
 */
public final class SignalProviders {

    private static final Map<Signal, SignalProvider> PROVIDERS = new ConcurrentHashMap<>();

    private static final String NO_POSTERIORS = "it has no class posteriors (its heads are not class probabilities)";

    static {
        for (Signal s : new Signal[] {Signal.ENTROPY, Signal.MARGIN, Signal.LEAST_CONFIDENCE}) {
            add(
                    s,
                    (task, model) ->
                            task.uncertaintySignals().contains(s) ? null : "it provides " + task.uncertaintySignals(),
                    b -> b.batch().inputs().getManager().create(b.uncertainty(s)));
        }
        add(Signal.TRUE_LOSS, null, ScoredBatch::trueLoss);
        add(Signal.PREDICTED_LOSS, null, b -> b.network().predictedLoss(b.output()));
        add(Signal.EMBEDDING, null, b -> b.network().embedding(b.output()));
        register(new Provider(
                Signal.BALD,
                (task, model) -> !task.hasPosteriors()
                        ? undefined(Signal.BALD, task, NO_POSTERIORS)
                        : McDropout.count(model) > 0
                                ? null
                                : "needs dropout layers (-Ddropout > 0) in the " + task.name() + " model: MC dropout"
                                        + " over a network without dropout gives identical passes, and BALD is 0",
                b -> PosteriorSignals.mutualInformation(b.mcPosteriors()),
                true));
        add(
                Signal.COMMITTEE_DISAGREEMENT,
                (task, model) -> task.hasPosteriors() ? null : NO_POSTERIORS,
                b -> PosteriorSignals.disagreement(b.committeePosteriors()));
        add(
                Signal.GRADIENT_EMBEDDING,
                (task, model) -> task.linearClassifierOnEmbedding()
                        ? null
                        : "its embedding does not feed one linear classifier, so (p - e_yhat) x h is not its"
                                + " last-layer gradient",
                b -> PosteriorSignals.gradientEmbedding(
                        b.task().posteriors(b.heads()), b.network().embedding(b.output())));
        register(new Provider(
                Signal.INFLUENCE,
                (task, model) -> task.hasPosteriors() && task.linearClassifierOnEmbedding()
                        ? null
                        : undefined(
                                Signal.INFLUENCE,
                                task,
                                "ISAL's pseudo-label loss is implemented for image-level class posteriors only"
                                        + " (pseudo ground truth from boxes or heatmap peaks is not implemented)"),
                b -> {
                    throw new IllegalStateException("ISAL's influence is computed over the whole subset");
                },
                false)); // ActiveLearner computes it over the subset before the batches
    }

    private SignalProviders() {}

    /**
     * Adds the provider of a new signal.
     *
     * @throws IllegalArgumentException when its signal already has one
     */
    public static void register(SignalProvider provider) {
        if (PROVIDERS.putIfAbsent(provider.signal(), provider) != null) {
            throw new IllegalArgumentException("signal " + provider.signal() + " has a provider already");
        }
    }

    /**
     * The provider of a signal.
     *
     * @throws IllegalArgumentException when none is registered
     */
    public static SignalProvider of(Signal signal) {
        SignalProvider p = PROVIDERS.get(signal);
        if (p == null) {
            throw new IllegalArgumentException(
                    "no provider is registered for signal " + signal + " (SignalProviders.register)");
        }
        return p;
    }

    /** The reason a task does not define a signal: {@code signal S is not defined for task T: why}. */
    public static String undefined(Signal signal, ActiveLearningTask task, String why) {
        return "signal " + signal + " is not defined for task " + task.name() + ": " + why;
    }

    /**
     * A built-in provider of a signal that some tasks do not define.
     *
     * @param why why a task does not define the signal, null when it does (a null function: every
     *     task does)
     * @param compute the signal on a batch
     */
    private static void add(
            Signal signal, BiFunction<ActiveLearningTask, Block, String> why, Function<ScoredBatch, NDArray> compute) {
        register(new Provider(
                signal,
                (task, model) -> {
                    String reason = why == null ? null : why.apply(task, model);
                    return reason == null ? null : undefined(signal, task, reason);
                },
                compute,
                true));
    }

    /** A provider from its parts. */
    private record Provider(
            Signal signal,
            BiFunction<ActiveLearningTask, Block, String> unmetReason,
            Function<ScoredBatch, NDArray> computation,
            boolean batchwise)
            implements SignalProvider {

        @Override
        public String unmet(ActiveLearningTask task, Block model) {
            return unmetReason.apply(task, model);
        }

        @Override
        public boolean perBatch() {
            return batchwise;
        }

        @Override
        public NDArray compute(ScoredBatch batch) {
            return computation.apply(batch);
        }
    }
}

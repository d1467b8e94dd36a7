package org.ll4al.tasks.training;

import ai.djl.nn.Block;
import java.util.Optional;
import java.util.Set;
import org.ll4al.selection.McDropout;
import org.ll4al.selection.Signal;
import org.ll4al.tasks.ActiveLearningTask;

/**
 * The one check of what a strategy's signals require of a task and its model: the task must
 * define each signal, and BALD needs dropout layers for its MC-dropout passes. A run checks its
 * strategies with it before any training, {@code -Dbench=strategies} skips what it rejects, and
 * scoring refuses what it rejects.
 */
public final class SignalCheck {

    private SignalCheck() {}

    /**
     * Why the task and its model cannot give these signals.
     *
     * @param model the target model (or a block holding it), for BALD's dropout layers
     * @return the first reason, naming the signal and the task; empty when every signal can be given
     */
    public static Optional<String> unmet(ActiveLearningTask task, Set<Signal> wanted, Block model) {
        for (Signal s : wanted) {
            String why = undefined(task, s);
            if (why != null) {
                return Optional.of("signal " + s + " is not defined for task " + task.name() + ": " + why);
            }
        }
        if (wanted.contains(Signal.BALD) && McDropout.count(model) == 0) {
            return Optional.of("needs dropout layers (-Ddropout > 0) in the " + task.name() + " model: MC dropout"
                    + " over a network without dropout gives identical passes, and BALD is 0");
        }
        return Optional.empty();
    }

    /**
     * Fails with the reason of {@link #unmet}.
     *
     * @throws IllegalArgumentException when a signal cannot be given
     */
    public static void require(ActiveLearningTask task, Set<Signal> wanted, Block model) {
        Optional<String> why = unmet(task, wanted, model);
        if (why.isPresent()) {
            throw new IllegalArgumentException(why.get());
        }
    }

    private static String undefined(ActiveLearningTask task, Signal s) {
        return switch (s) {
            case ENTROPY, MARGIN, LEAST_CONFIDENCE ->
                task.uncertaintySignals().contains(s) ? null : "it provides " + task.uncertaintySignals();
            case BALD, COMMITTEE_DISAGREEMENT ->
                task.hasPosteriors() ? null : "it has no class posteriors (its heads are not class probabilities)";
            case GRADIENT_EMBEDDING ->
                task.linearClassifierOnEmbedding()
                        ? null
                        : "its embedding does not feed one linear classifier, so (p - e_yhat) x h is not its last-layer"
                                + " gradient";
            case INFLUENCE ->
                task.hasPosteriors() && task.linearClassifierOnEmbedding()
                        ? null
                        : "ISAL's pseudo-label loss is implemented for image-level class posteriors only"
                                + " (pseudo ground truth from boxes or heatmap peaks is not implemented)";
            default -> null;
        };
    }
}

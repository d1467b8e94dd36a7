package org.ll4al.tasks.training;

import ai.djl.nn.Block;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ll4al.selection.Signal;
import org.ll4al.tasks.ActiveLearningTask;

/**
 * The one check of what a strategy's signals require of a task and its model, asked of each
 * signal's {@link SignalProvider}: the task must define the signal, and BALD needs dropout layers
 * for its MC-dropout passes. A run checks its strategies with it before any training,
 * {@code -Dbench=strategies} skips what it rejects, and scoring refuses what it rejects.
 */
public final class SignalCheck {

    private SignalCheck() {}

    /**
     * Why the task and its model cannot give these signals.
     *
     * @param model the target model (or a block holding it), for BALD's dropout layers
     * @return the first reason, naming the signal or what is missing and the task; empty when every
     *     signal can be given
     */
    public static Optional<String> unmet(ActiveLearningTask task, Set<Signal> wanted, Block model) {
        for (Signal s : new TreeSet<>(wanted)) {
            String why = SignalProviders.of(s).unmet(task, model);
            if (why != null) {
                return Optional.of(why);
            }
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
}

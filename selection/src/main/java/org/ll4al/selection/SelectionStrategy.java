package org.ll4al.selection;

import java.util.Random;
import java.util.Set;

/**
 * A plug-in that picks which unlabeled samples to label next. Implementations are found by
 * {@link #name()} through {@link Strategies} (ServiceLoader), must be stateless, and return
 * dataset ids taken from {@link PoolView#ids()}.
 */
public interface SelectionStrategy {

    /** The name used on the command line, e.g. {@code lloss}. */
    String name();

    /** One line for {@code -Dhelp} and reports: what the strategy ranks by. */
    String description();

    /**
     * True for a control that reads the labels of the samples it chooses among (e.g. {@code
     * true-loss}): an upper reference, not an active-learning method one could deploy.
     */
    default boolean readsLabels() {
        return false;
    }

    /** The signals this strategy needs the task to compute on the subset. */
    Set<Signal> requiredSignals();

    /**
     * Picks {@code budget} distinct ids from the subset.
     *
     * @param pool the scored subset
     * @param budget how many to pick; {@code 0 < budget <= pool.size()}
     * @param rng the cycle's seeded random source (used by random and for nothing else)
     */
    Selection select(PoolView pool, int budget, Random rng);
}

package org.ll4al.tasks.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import org.ll4al.selection.Signal;
import org.ll4al.tasks.ActiveLearningTask;

/**
 * How one signal is computed on a batch of the scored subset, and what it requires of the task and
 * its model. Every signal has one, registered in {@link SignalProviders}: scoring computes the
 * wanted signals through them, and {@link SignalCheck} asks them what is missing. A strategy with a
 * new signal declares the signal ({@link Signal#scalar}) and registers its provider, nothing else.
 */
public interface SignalProvider {

    /** The signal this provider computes. */
    Signal signal();

    /**
     * Why the task and its target model cannot give the signal.
     *
     * @param model the target model, e.g. for dropout layers
     * @return the reason, or null when the signal can be given
     */
    default String unmet(ActiveLearningTask task, Block model) {
        return null;
    }

    /** False for a signal computed over the whole subset before the batches (ISAL's influence). */
    default boolean perBatch() {
        return true;
    }

    /**
     * The signal on one batch: one value per sample, or one row per sample for a vector signal.
     *
     * @param batch the batch, the network's outputs on it and what scoring was given
     */
    NDArray compute(ScoredBatch batch);
}

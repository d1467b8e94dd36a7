package org.ll4al.selection;

/** A per-sample quantity a task computes on the scored subset for strategies to rank by. */
public enum Signal {
    /** Entropy of the task's posterior (higher = more uncertain). */
    ENTROPY,
    /** Difference of the two highest class posteriors (lower = more uncertain). */
    MARGIN,
    /** One minus the highest class posterior (higher = more uncertain). */
    LEAST_CONFIDENCE,
    /** The task's per-sample loss computed with the real labels (for the {@code true-loss} control and diagnostics). */
    TRUE_LOSS,
    /** Output of the loss prediction module. */
    PREDICTED_LOSS,
    /** Feature vector used by core-set; also needed for the labeled set. */
    EMBEDDING
}

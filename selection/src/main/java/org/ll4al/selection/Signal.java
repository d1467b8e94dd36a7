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
    EMBEDDING,
    /**
     * Mutual information between the prediction and the weights over T MC-dropout passes
     * (BALD): H[mean_t p_t] - mean_t H[p_t], per sample (higher = more disagreement).
     */
    BALD,
    /** Mean KL divergence of the committee members' posteriors from their consensus (higher = more disagreement). */
    COMMITTEE_DISAGREEMENT,
    /** BADGE gradient embedding (p - e_yhat) (outer) h, one vector per sample. */
    GRADIENT_EMBEDDING,
    /** ISAL influence -grad L(R)^T H^-1 G_z on the reference set's loss (lower = more helpful). */
    INFLUENCE;

    /** Whether the signal is a vector per sample (read with {@link PoolView#vectors}) rather than a scalar. */
    public boolean isVector() {
        return this == EMBEDDING || this == GRADIENT_EMBEDDING;
    }
}

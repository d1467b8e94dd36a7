package org.ll4al.selection;

import ai.djl.ndarray.NDArray;

/**
 * The paper's training objective: mean task loss + lambda x loss-prediction loss, with the
 * stop-gradient schedule (features into the module detached from {@code detachEpoch} on).
 */
public final class JointObjective {

    private final float lambda;
    private final int detachEpoch;
    private final LossPredictionLoss lossPredictionLoss;

    /**
     * Creates the objective.
     *
     * @param lambda weight of the loss-prediction loss (1 in the paper)
     * @param detachEpoch first 0-based epoch at which the module's input is detached
     * @param lossPredictionLoss ranking (paper) or MSE (ablation)
     */
    public JointObjective(float lambda, int detachEpoch, LossPredictionLoss lossPredictionLoss) {
        if (!(lambda >= 0f) || Float.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number >= 0, got " + lambda);
        }
        this.lambda = lambda;
        this.detachEpoch = detachEpoch;
        this.lossPredictionLoss = lossPredictionLoss;
    }

    /** Whether features entering the module are detached during this 0-based epoch. */
    public boolean detachAt(int epoch) {
        return epoch >= detachEpoch;
    }

    /**
     * Computes the parts of the objective for one batch.
     *
     * @param perSampleTaskLoss true task loss per sample, shape (B)
     * @param predictedLoss the module's output, shape (B)
     */
    public Parts compute(NDArray perSampleTaskLoss, NDArray predictedLoss) {
        return compute(perSampleTaskLoss, null, predictedLoss);
    }

    /**
     * Computes the parts with the task loss as a weighted mean of the per-sample losses (e.g. SSD's
     * normalisation by the batch's positives: weight = an image's positives); the module still
     * learns to rank the per-sample losses.
     *
     * @param weights per-sample weights (B), or null for the plain mean
     */
    public Parts compute(NDArray perSampleTaskLoss, NDArray weights, NDArray predictedLoss) {
        NDArray task = weights == null ? perSampleTaskLoss.mean()
                : perSampleTaskLoss.mul(weights).sum().div(weights.sum().maximum(1e-12f));
        NDArray lp = lossPredictionLoss.compute(predictedLoss, perSampleTaskLoss);
        return new Parts(task.add(lp.mul(lambda)), task, lp);
    }

    /**
     * The parts of the objective.
     *
     * @param total task + lambda x loss-prediction loss (what backward is called on)
     * @param task mean task loss
     * @param lossPrediction the loss-prediction loss
     */
    public record Parts(NDArray total, NDArray task, NDArray lossPrediction) {}
}

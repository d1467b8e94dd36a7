package org.ll4al.selection.lossprediction;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * The paper's training objective: mean task loss + lambda x loss-prediction loss, with the
 * stop-gradient schedule (features into the module detached from {@code detachEpoch} on).
 */
public final class JointObjective {

    /**
     * Which loss of a sample the module learns to rank (and diagnostics and {@code true-loss} call
     * its true loss) when the task loss is a weighted mean of per-sample losses.
     */
    public enum Target {
        /** The task's per-sample loss as it is (for detection: the image's loss per positive prior). */
        SAMPLE,
        /**
         * The sample's term of the objective: per-sample loss x weight (for SSD's normalisation by
         * the batch's positives: the image's summed loss, the batch's common divisor left out).
         */
        OBJECTIVE;

        /**
         * The loss ranked for each sample.
         *
         * @param perSampleTaskLoss the task's per-sample loss (B)
         * @param weights the objective's per-sample weights (B), or null for a plain mean (then
         *     both targets are the per-sample loss)
         */
        public NDArray of(NDArray perSampleTaskLoss, NDArray weights) {
            return this == OBJECTIVE && weights != null ? perSampleTaskLoss.mul(weights) : perSampleTaskLoss;
        }
    }

    private final float lambda;
    private final int detachEpoch;
    private final LossPredictionLoss lossPredictionLoss;
    private final Target target;

    /**
     * Creates the objective.
     *
     * @param lambda weight of the loss-prediction loss (1 in the paper)
     * @param detachEpoch first 0-based epoch at which the module's input is detached
     * @param lossPredictionLoss ranking (paper) or MSE (ablation)
     */
    public JointObjective(float lambda, int detachEpoch, LossPredictionLoss lossPredictionLoss) {
        this(lambda, detachEpoch, lossPredictionLoss, Target.SAMPLE);
    }

    /**
     * Creates the objective with the module's target.
     *
     * @param target which loss of a sample the module ranks when the task loss is weighted
     */
    public JointObjective(float lambda, int detachEpoch, LossPredictionLoss lossPredictionLoss, Target target) {
        if (!(lambda >= 0f) || Float.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number >= 0, got " + lambda);
        }
        this.lambda = lambda;
        this.detachEpoch = detachEpoch;
        this.lossPredictionLoss = lossPredictionLoss;
        this.target = Objects.requireNonNull(target, "target");
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
     * normalisation by the batch's positives: weight = an image's positives); the module learns
     * to rank the per-sample losses or, with {@link Target#OBJECTIVE}, each sample's term of it.
     *
     * @param weights per-sample weights (B), or null for the plain mean
     */
    public Parts compute(NDArray perSampleTaskLoss, NDArray weights, NDArray predictedLoss) {
        NDArray task = weights == null
                ? perSampleTaskLoss.mean()
                : perSampleTaskLoss.mul(weights).sum().div(weights.sum().maximum(1e-12f));
        NDArray lp = lossPredictionLoss.compute(predictedLoss, target.of(perSampleTaskLoss, weights));
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

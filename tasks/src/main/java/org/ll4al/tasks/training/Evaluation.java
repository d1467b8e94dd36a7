package org.ll4al.tasks.training;

/**
 * Result of evaluating a model on the evaluation set.
 *
 * @param metric the task metric (accuracy, mAP, PCKh)
 * @param lossRankAccuracy fraction of sample pairs (with distinct true losses) whose
 *     predicted-loss order matches the true-loss order
 * @param seconds wall time
 * @param trueLosses every evaluation sample's true loss (the loss the module ranks), in evaluation
 *     order; null when not kept (an evaluation loaded from a shared cycle-0 record)
 * @param predictedLosses every evaluation sample's predicted loss, in evaluation order; null when
 *     {@code trueLosses} is
 * @param entropyLossRankAccuracy the same pair-ranking accuracy with the model's own predictive
 *     entropy (the {@code entropy} strategy's score) in place of the predicted loss: a label-free
 *     reference for {@code lossRankAccuracy} (a tie in entropy counts half); NaN when the task has
 *     no entropy signal
 * @param details the metric's secondary figures ({@code MetricAccumulator#details}), "" for none
 */
public record Evaluation(
        double metric,
        double lossRankAccuracy,
        double seconds,
        float[] trueLosses,
        float[] predictedLosses,
        double entropyLossRankAccuracy,
        String details) {

    /** An evaluation without the per-sample losses and the entropy's ranking. */
    public Evaluation(double metric, double lossRankAccuracy, double seconds) {
        this(metric, lossRankAccuracy, seconds, null, null, Double.NaN, "");
    }
}

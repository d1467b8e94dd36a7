package org.ll4al.tasks.learn;

/**
 * Result of evaluating a model on the evaluation set.
 *
 * @param metric the task metric (accuracy, mAP, PCKh)
 * @param lossRankAccuracy fraction of sample pairs (with distinct true losses) whose
 *     predicted-loss order matches the true-loss order
 * @param seconds wall time
 * @param trueLosses every evaluation sample's true loss (the loss the module ranks), in evaluation
 *     order; null when not kept (an evaluation loaded from a shared cycle-0 record)
 */
public record Evaluation(double metric, double lossRankAccuracy, double seconds, float[] trueLosses) {

    /** An evaluation without the per-sample losses. */
    public Evaluation(double metric, double lossRankAccuracy, double seconds) {
        this(metric, lossRankAccuracy, seconds, null);
    }
}

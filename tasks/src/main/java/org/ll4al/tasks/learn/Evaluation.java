package org.ll4al.tasks.learn;

/**
 * Result of evaluating a model on the evaluation set.
 *
 * @param metric the task metric (accuracy, mAP, PCKh)
 * @param lossRankAccuracy fraction of sample pairs (with distinct true losses) whose
 *     predicted-loss order matches the true-loss order
 * @param seconds wall time
 */
public record Evaluation(double metric, double lossRankAccuracy, double seconds) {}

package org.ll4al.tasks.classification;

import ai.djl.ndarray.NDList;
import org.ll4al.tasks.MetricAccumulator;
import org.ll4al.tasks.TaskBatch;

/** Top-1 accuracy over evaluation batches: the share of images whose arg-max logit is the true class. */
public final class TopOneAccuracy implements MetricAccumulator {

    /** The metric's name in the results ({@code metric_name} column). */
    public static final String NAME = "top1_accuracy";

    private long right;
    private long total;

    /** The metric's name, {@value #NAME}. */
    public String name() {
        return NAME;
    }

    @Override
    public void add(NDList heads, TaskBatch batch) {
        long[] predicted = heads.get(0).argMax(1).toLongArray();
        int[] truth = batch.labels().get(0).toIntArray();
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == truth[i]) {
                right++;
            }
        }
        total += truth.length;
    }

    /** Correct over evaluated images; NaN before any batch. */
    @Override
    public double value() {
        return total == 0 ? Double.NaN : (double) right / total;
    }
}

package org.ll4al.tasks;

import ai.djl.ndarray.NDList;

/** Accumulates a task metric over evaluation batches (accuracy, mAP, PCKh). */
public interface MetricAccumulator {

    /** Adds the predictions of one evaluation batch. */
    void add(NDList heads, TaskBatch batch);

    /** The metric over everything added. */
    double value();

    /** Secondary figures over everything added, for the cycle's log line ("" for none). */
    default String details() {
        return "";
    }
}

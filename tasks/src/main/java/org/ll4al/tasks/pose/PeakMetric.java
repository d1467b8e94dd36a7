package org.ll4al.tasks.pose;

import ai.djl.ndarray.NDList;
import java.util.List;
import org.ll4al.tasks.MetricAccumulator;
import org.ll4al.tasks.TaskBatch;

/**
 * A pose metric fed one person at a time: each batch's predictions are the peaks of the last
 * stack's heatmaps, mapped back to the image through the sample's (unaugmented) crop transform
 * ({@link PeakJoints}), and each person's joints go to {@link #addPrediction}.
 */
abstract class PeakMetric implements MetricAccumulator {

    private final List<PoseSample> samples;
    private final int res;

    /**
     * A metric over an evaluation set.
     *
     * @param samples the evaluation samples (batch ids index this list)
     * @param res the input crop size
     */
    PeakMetric(List<PoseSample> samples, int res) {
        this.samples = samples;
        this.res = res;
    }

    @Override
    public final void add(NDList heads, TaskBatch batch) {
        double[][][] predicted = PeakJoints.decode(heads, batch, samples, res);
        for (int n = 0; n < predicted.length; n++) {
            addPrediction(samples.get(batch.ids()[n]), predicted[n]);
        }
    }

    /** Adds one person's predicted joints (image pixels, MPII slots). */
    public abstract void addPrediction(PoseSample s, double[][] predicted);
}

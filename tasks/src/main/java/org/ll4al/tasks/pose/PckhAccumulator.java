package org.ll4al.tasks.pose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;
import org.ll4al.tasks.MetricAccumulator;
import org.ll4al.tasks.TaskBatch;

/**
 * PCKh@0.5: a predicted joint is correct when it lies within 0.5 x the head size
 * ({@code normalize}, original image pixels) of the ground truth. Predictions are the peaks of
 * the last stack's heatmaps mapped back to the image through the sample's (unaugmented) crop
 * transform. Only joints with {@code joints_vis > 0} count (the official MPII script also
 * counts annotated occluded joints, which this JSON layout marks 0). {@link #value()} averages
 * over the visible joints of every joint type except pelvis and thorax, as the "Mean" of the
 * MPII evaluation; {@link #perJoint()} gives all 16.
 */
public final class PckhAccumulator implements MetricAccumulator {

    /** The PCKh threshold as a fraction of the head size. */
    public static final double THRESHOLD = 0.5;

    private final List<PoseSample> samples;
    private final int res;
    private final long[] hits = new long[MpiiJoints.COUNT];
    private final long[] counts = new long[MpiiJoints.COUNT];

    /**
     * Creates an accumulator for batches of an evaluation set.
     *
     * @param samples the evaluation samples (batch ids index this list)
     * @param res the input crop size
     */
    public PckhAccumulator(List<PoseSample> samples, int res) {
        this.samples = samples;
        this.res = res;
    }

    @Override
    public void add(NDList heads, TaskBatch batch) {
        NDArray last = heads.get(heads.size() - 1);
        long[] shape = last.getShape().getShape();
        int b = (int) shape[0];
        int j = (int) shape[1];
        int h = (int) shape[2];
        int w = (int) shape[3];
        float[] heat = last.toFloatArray();
        for (int n = 0; n < b; n++) {
            PoseSample s = samples.get(batch.ids()[n]);
            CropTransform t = CropTransform.of(s, res);
            double[][] pred = new double[j][];
            for (int k = 0; k < j; k++) {
                double[] p = Heatmaps.peak(heat, (n * j + k) * h * w, w, h);
                pred[k] = t.toImage(CropTransform.heatmapToCrop(p[0], res, w), CropTransform.heatmapToCrop(p[1], res, h));
            }
            addPrediction(s, pred);
        }
    }

    /** Adds predicted joints (image pixels, MPII order) of one sample. */
    public void addPrediction(PoseSample s, double[][] predicted) {
        double limit = THRESHOLD * s.normalize();
        for (int k = 0; k < MpiiJoints.COUNT; k++) {
            if (s.visible()[k] <= 0) {
                continue;
            }
            double d = Math.hypot(predicted[k][0] - s.joints()[k][0], predicted[k][1] - s.joints()[k][1]);
            counts[k]++;
            if (d <= limit) {
                hits[k]++;
            }
        }
    }

    @Override
    public double value() {
        long h = 0;
        long c = 0;
        for (int k = 0; k < MpiiJoints.COUNT; k++) {
            if (k == 6 || k == 7) {
                continue;
            }
            h += hits[k];
            c += counts[k];
        }
        return c == 0 ? Double.NaN : (double) h / c;
    }

    /** PCKh of each joint in MPII order (NaN for a joint never visible). */
    public double[] perJoint() {
        double[] v = new double[MpiiJoints.COUNT];
        for (int k = 0; k < v.length; k++) {
            v[k] = counts[k] == 0 ? Double.NaN : (double) hits[k] / counts[k];
        }
        return v;
    }

    /** Visible joints counted, per joint. */
    public long[] counts() {
        return counts.clone();
    }
}

package org.ll4al.tasks.pose;

import java.util.List;

/**
 * PCKh@0.5 as the standard MPII evaluation computes it: a predicted joint is correct when its
 * distance to the ground truth divided by the head size ({@code normalize}, original image
 * pixels) is at most 0.5, and every <em>annotated</em> joint counts, occluded ones included
 * (joints without an annotation are left out). {@link #value()} is the MPII "PCKh total": all
 * hits over all annotated joints of every type except pelvis and thorax. {@link #perJoint()}
 * gives the 16 joint types; {@link #visibleValue()} and {@link #visiblePerJoint()} the same
 * figures over the joints marked visible only (a diagnostic, not the metric).
 *
 * <p>Predictions are the peaks of the last stack's heatmaps mapped back to the image through
 * the sample's (unaugmented) crop transform.
 */
public final class PckhAccumulator extends PeakMetric {

    /** The PCKh threshold as a fraction of the head size. */
    public static final double THRESHOLD = 0.5;

    private final long[] hits = new long[MpiiJoints.COUNT];
    private final long[] counts = new long[MpiiJoints.COUNT];
    private final long[] visibleHits = new long[MpiiJoints.COUNT];
    private final long[] visibleCounts = new long[MpiiJoints.COUNT];

    /**
     * Creates an accumulator for batches of an evaluation set.
     *
     * @param samples the evaluation samples (batch ids index this list)
     * @param res the input crop size
     */
    public PckhAccumulator(List<PoseSample> samples, int res) {
        super(samples, res);
    }

    /**
     * Adds predicted joints (image pixels, MPII order) of one sample. The error is computed as
     * the standard evaluation does, {@code sqrt(dx * dx + dy * dy) / normalize <= 0.5}, so a
     * prediction exactly on the threshold is decided the same way.
     */
    @Override
    public void addPrediction(PoseSample s, double[][] predicted) {
        for (int k = 0; k < MpiiJoints.COUNT; k++) {
            if (!s.isAnnotated(k)) {
                continue;
            }
            double dx = predicted[k][0] - s.joints()[k][0];
            double dy = predicted[k][1] - s.joints()[k][1];
            boolean hit = Math.sqrt(dx * dx + dy * dy) / s.normalize() <= THRESHOLD;
            counts[k]++;
            hits[k] += hit ? 1 : 0;
            if (s.isVisible(k)) {
                visibleCounts[k]++;
                visibleHits[k] += hit ? 1 : 0;
            }
        }
    }

    /** PCKh total over annotated joints, pelvis and thorax excluded (the metric). */
    @Override
    public double value() {
        return total(hits, counts);
    }

    /** PCKh total over the joints marked visible only, pelvis and thorax excluded. */
    public double visibleValue() {
        return total(visibleHits, visibleCounts);
    }

    /** PCKh of each joint type in MPII order over annotated joints (NaN for a type never annotated). */
    public double[] perJoint() {
        return ratios(hits, counts);
    }

    /** PCKh of each joint type over the joints marked visible only. */
    public double[] visiblePerJoint() {
        return ratios(visibleHits, visibleCounts);
    }

    /** Annotated joints counted, per joint type. */
    public long[] counts() {
        return counts.clone();
    }

    /** Visible joints counted, per joint type. */
    public long[] visibleCounts() {
        return visibleCounts.clone();
    }

    private static double total(long[] hit, long[] count) {
        long h = 0;
        long c = 0;
        for (int k = 0; k < MpiiJoints.COUNT; k++) {
            if (k == MpiiJoints.PELVIS || k == MpiiJoints.THORAX) {
                continue;
            }
            h += hit[k];
            c += count[k];
        }
        return c == 0 ? Double.NaN : (double) h / c;
    }

    private static double[] ratios(long[] hit, long[] count) {
        double[] v = new double[MpiiJoints.COUNT];
        for (int k = 0; k < v.length; k++) {
            v[k] = count[k] == 0 ? Double.NaN : (double) hit[k] / count[k];
        }
        return v;
    }
}

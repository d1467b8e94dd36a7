package org.ll4al.tasks.pose;

/**
 * Percentage of correct keypoints normalised by one body segment of the ground truth: a joint is
 * correct when its distance to the ground truth divided by the segment's length is at most the
 * threshold, computed as {@code sqrt(dx * dx + dy * dy) / length <= threshold} (the MATLAB
 * evaluation's {@code dist ./ refDist <= range}). Only annotated joints count, and only people
 * whose two segment joints are annotated and apart (without them the normaliser is undefined).
 */
final class SegmentPck {

    private final int from;
    private final int to;
    private final double threshold;
    private final boolean[] scored;
    private final long[] hits = new long[MpiiJoints.COUNT];
    private final long[] counts = new long[MpiiJoints.COUNT];
    private long people;

    /**
     * @param from one end of the segment (MPII slot)
     * @param to the other end
     * @param threshold the largest correct distance, in segment lengths
     * @param scored which joint slots are scored
     */
    SegmentPck(int from, int to, double threshold, boolean[] scored) {
        this.from = from;
        this.to = to;
        this.threshold = threshold;
        this.scored = scored.clone();
    }

    /** Scores one person's predicted joints (image pixels, MPII slots). */
    void add(PoseSample s, double[][] predicted) {
        double length = LspAnnotations.segment(s.joints(), s.annotated(), from, to);
        if (Double.isNaN(length)) {
            return;
        }
        people++;
        for (int k = 0; k < MpiiJoints.COUNT; k++) {
            if (!scored[k] || !s.isAnnotated(k)) {
                continue;
            }
            double dx = predicted[k][0] - s.joints()[k][0];
            double dy = predicted[k][1] - s.joints()[k][1];
            counts[k]++;
            hits[k] += Math.sqrt(dx * dx + dy * dy) / length <= threshold ? 1 : 0;
        }
    }

    /** All correct joints over all counted joints (NaN when none counted). */
    double value() {
        long h = 0;
        long c = 0;
        for (int k = 0; k < MpiiJoints.COUNT; k++) {
            h += hits[k];
            c += counts[k];
        }
        return c == 0 ? Double.NaN : (double) h / c;
    }

    /** Per joint slot (NaN for a slot never counted). */
    double[] perJoint() {
        double[] v = new double[MpiiJoints.COUNT];
        for (int k = 0; k < v.length; k++) {
            v[k] = counts[k] == 0 ? Double.NaN : (double) hits[k] / counts[k];
        }
        return v;
    }

    /** Joints counted per slot. */
    long[] counts() {
        return counts.clone();
    }

    /** People counted (those with a defined segment). */
    long people() {
        return people;
    }
}

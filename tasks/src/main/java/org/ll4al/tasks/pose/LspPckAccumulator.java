package org.ll4al.tasks.pose;

import java.util.List;
import java.util.Locale;

/**
 * The Leeds Sports Pose metric: PCK@0.2 normalised by the torso, the distance from the left
 * shoulder to the right hip, as the widely used LSP evaluation computes it ({@code eval_pck.m}
 * of the MPII benchmark's code, "as defined in [Sapp and Taskar, CVPR'13]", refDist =
 * {@code norm(gt(:,10) - gt(:,3))}), pooled over the 14 LSP joints of every person
 * ({@link #value()}); beside it PCKh@0.5 normalised by the head segment, neck to head top
 * ({@link #pckh()}). Both score only annotated joints (an LSPe joint flagged invisible has no
 * reliable coordinates and is not scored, as it gets no training target) and only people whose
 * reference segment is annotated at both ends and longer than 0: 712 of lspet-1000's 1,000 for the
 * torso, 798 for the head. Predictions: the last stack's heatmap peaks (see {@link PeakJoints}).
 */
public final class LspPckAccumulator extends PeakMetric {

    /** The PCK threshold as a fraction of the torso. */
    public static final double THRESHOLD = 0.2;

    /** The PCKh threshold as a fraction of the head segment. */
    public static final double HEAD_THRESHOLD = 0.5;

    private final SegmentPck torso;
    private final SegmentPck head;

    /**
     * Creates an accumulator for batches of an evaluation set.
     *
     * @param samples the evaluation samples (batch ids index this list)
     * @param res the input crop size
     */
    public LspPckAccumulator(List<PoseSample> samples, int res) {
        super(samples, res);
        boolean[] lsp = new boolean[MpiiJoints.COUNT];
        for (int k : LspAnnotations.TO_MPII) {
            lsp[k] = true;
        }
        this.torso = new SegmentPck(MpiiJoints.L_SHOULDER, MpiiJoints.R_HIP, THRESHOLD, lsp);
        this.head = new SegmentPck(MpiiJoints.UPPER_NECK, MpiiJoints.HEAD_TOP, HEAD_THRESHOLD, lsp);
    }

    /** Adds one person's predicted joints (image pixels, MPII slots). */
    @Override
    public void addPrediction(PoseSample s, double[][] predicted) {
        torso.add(s, predicted);
        head.add(s, predicted);
    }

    /** PCK@0.2 (torso), pooled over the scored joints: the metric. */
    @Override
    public double value() {
        return torso.value();
    }

    /** PCKh@0.5 (head segment), pooled over the scored joints. */
    public double pckh() {
        return head.value();
    }

    @Override
    public String details() {
        return String.format(Locale.ROOT, "pckh@0.5 %.6f", pckh());
    }

    /** PCK@0.2 per MPII slot (NaN for pelvis, thorax and slots never scored). */
    public double[] perJoint() {
        return torso.perJoint();
    }

    /** PCKh@0.5 per MPII slot. */
    public double[] pckhPerJoint() {
        return head.perJoint();
    }

    /** Joints scored by PCK@0.2, per MPII slot. */
    public long[] counts() {
        return torso.counts();
    }

    /** Joints scored by PCKh@0.5, per MPII slot. */
    public long[] pckhCounts() {
        return head.counts();
    }

    /** People scored by PCK@0.2 (those with a torso). */
    public long people() {
        return torso.people();
    }

    /** People scored by PCKh@0.5 (those with a head segment). */
    public long pckhPeople() {
        return head.people();
    }
}

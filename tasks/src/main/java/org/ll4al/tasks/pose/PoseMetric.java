package org.ll4al.tasks.pose;

import java.util.List;
import org.ll4al.tasks.MetricAccumulator;

/** The pose metric of a dataset: MPII's PCKh@0.5 or Leeds Sports Pose's PCK@0.2 (with PCKh@0.5 beside it). */
public enum PoseMetric {

    /** MPII's PCKh@0.5 total ({@link PckhAccumulator}). */
    MPII_PCKH("pckh@0.5"),

    /** LSP's PCK@0.2 normalised by the torso ({@link LspPckAccumulator}). */
    LSP_PCK("pck@0.2");

    private final String label;

    PoseMetric(String label) {
        this.label = label;
    }

    /** The metric's name in results and logs. */
    public String label() {
        return label;
    }

    /** A fresh accumulator over the evaluation samples. */
    MetricAccumulator accumulator(List<PoseSample> samples, int res) {
        return this == MPII_PCKH ? new PckhAccumulator(samples, res) : new LspPckAccumulator(samples, res);
    }
}

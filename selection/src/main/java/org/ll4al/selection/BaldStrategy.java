package org.ll4al.selection;

/**
 * {@code bald}: Bayesian active learning by disagreement (Houlsby et al. 2011; Gal et al. 2017):
 * labels the samples with the highest mutual information between prediction and weights,
 * estimated over T MC-dropout passes (dropout on, BatchNorm in inference mode).
 */
public final class BaldStrategy extends ScoreStrategy {
    /** Creates the strategy. */
    public BaldStrategy() {
        super(
                "bald",
                Signal.BALD,
                true,
                "highest mutual information over T MC-dropout passes (BALD; needs -Ddropout > 0)");
    }
}

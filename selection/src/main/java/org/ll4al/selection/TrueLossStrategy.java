package org.ll4al.selection;

/**
 * {@code true-loss}: a control, not an active-learning method. Labels the samples with the
 * highest task loss computed with their real labels, i.e. what a perfect loss prediction module
 * would pick (the learning-loss reference code's ground-truth control).
 */
public final class TrueLossStrategy extends ScoreStrategy {
    /** Creates the strategy. */
    public TrueLossStrategy() {
        super(
                "true-loss",
                Signal.TRUE_LOSS,
                true,
                "CONTROL, reads labels: highest true task loss (what a perfect loss predictor would pick)");
    }

    @Override
    public boolean readsLabels() {
        return true;
    }
}

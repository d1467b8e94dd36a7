package org.ll4al.selection;

/** {@code margin}: labels the samples with the smallest gap between the two top posteriors. */
public final class MarginStrategy extends ScoreStrategy {
    /** Creates the strategy. */
    public MarginStrategy() {
        super("margin", Signal.MARGIN, false, "smallest gap between the two top posteriors");
    }
}

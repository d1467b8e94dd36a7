package org.ll4al.selection;

/** {@code least-confidence}: labels the samples whose top posterior is lowest. */
public final class LeastConfidenceStrategy extends ScoreStrategy {
    /** Creates the strategy. */
    public LeastConfidenceStrategy() {
        super("least-confidence", Signal.LEAST_CONFIDENCE, true, "lowest top posterior");
    }
}

package org.ll4al.selection;

/** {@code entropy}: labels the samples whose posterior has the highest entropy. */
public final class EntropyStrategy extends ScoreStrategy {
    /** Creates the strategy. */
    public EntropyStrategy() {
        super("entropy", Signal.ENTROPY, true, "highest entropy of the task's posterior");
    }
}

package org.ll4al.results;

/**
 * One row of {@code selections.csv}: a sample picked for labeling at the end of a cycle.
 *
 * @param task task name
 * @param strategy selection strategy name
 * @param trial trial index
 * @param cycle the cycle whose model made the pick (the sample is labeled from cycle + 1 on)
 * @param sampleId dataset id of the picked sample (never a position in the scored subset)
 * @param score the strategy's score for the sample ({@code NaN} for random)
 */
public record SelectionRecord(String task, String strategy, int trial, int cycle, int sampleId, double score) {

    /** The (strategy, trial) run this row belongs to. */
    public RunKey key() {
        return new RunKey(strategy, trial);
    }
}

package org.ll4al.results;

/**
 * Identifies one (strategy, trial) run of an experiment: the unit that is checkpointed,
 * resumed and sharded.
 *
 * @param strategy selection strategy name
 * @param trial trial index (0-based)
 */
public record RunKey(String strategy, int trial) implements Comparable<RunKey> {

    @Override
    public int compareTo(RunKey o) {
        int c = Integer.compare(trial, o.trial);
        return c != 0 ? c : strategy.compareTo(o.strategy);
    }

    @Override
    public String toString() {
        return strategy + "/trial" + trial;
    }
}

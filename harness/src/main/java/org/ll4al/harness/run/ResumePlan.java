package org.ll4al.harness.run;

import java.util.ArrayList;
import java.util.List;
import org.ll4al.harness.options.Options;
import org.ll4al.results.CycleResult;
import org.ll4al.results.RunKey;

/**
 * The one statement of what a session runs and where each run resumes: this shard's
 * (strategy, trial) runs in the order the experiment runs them (trial-major, every n-th of the
 * grid for shard i of n), each with the cycle it starts at (the number of completed rows) and the
 * failed row that stopped it in an earlier session, if any.
 */
public final class ResumePlan {

    /**
     * One (strategy, trial) run of this shard.
     *
     * @param key the run
     * @param start the first cycle without a completed row
     * @param failure the failed row at or after {@code start} left by an earlier session, or null
     */
    record Run(RunKey key, int start, CycleResult failure) {

        /** Whether this session runs it: cycles left, and no earlier failure unless {@code retryFailed}. */
        boolean runs(int cycles, boolean retryFailed) {
            return start < cycles && (failure == null || retryFailed);
        }
    }

    private ResumePlan() {}

    /** This shard's runs, in order, from the rows already in {@code cycles.csv}. */
    static List<Run> of(Options o, List<CycleResult> done) {
        List<Run> runs = new ArrayList<>();
        int k = 0;
        for (int trial = 0; trial < o.trials; trial++) {
            for (String strategy : o.strategies) {
                if (k++ % o.shardCount != o.shardIndex) {
                    continue;
                }
                RunKey key = new RunKey(strategy, trial);
                int start = (int) done.stream()
                        .filter(r -> r.key().equals(key) && r.isOk())
                        .count();
                CycleResult failure = done.stream()
                        .filter(r -> r.key().equals(key) && !r.isOk() && r.cycle() >= start)
                        .findFirst()
                        .orElse(null);
                runs.add(new Run(key, start, failure));
            }
        }
        return runs;
    }

    /**
     * The first (strategy, trial, cycle) of this shard's grid that has no row yet, in the order
     * the experiment runs them, e.g. {@code "lloss trial 1 cycle 2"}; or "the final report" when none.
     */
    public static String next(Options o, List<CycleResult> done) {
        for (Run r : of(o, done)) {
            if (r.runs(o.cycles, o.retryFailed)) {
                return r.key().strategy() + " trial " + r.key().trial() + " cycle " + r.start();
            }
        }
        return "the final report";
    }
}

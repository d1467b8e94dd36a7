package org.ll4al.harness.run;

import java.util.List;
import org.ll4al.results.RunKey;
import org.ll4al.results.SelectionDiagnostics;
import org.ll4al.results.SelectionRecord;
import org.ll4al.tasks.training.ActiveLearner;
import org.ll4al.tasks.training.Evaluation;
import org.ll4al.tasks.training.TrainStats;

/**
 * What one cycle of a (strategy, trial) produced, as its record step and its listeners see it.
 *
 * @param key the run
 * @param cycle the cycle
 * @param label the progress label, e.g. {@code [classification lloss trial 0 cycle 1/7, 60 labeled]}
 * @param learner the model after training
 * @param committee the committee's other members
 * @param labeled the labeled-set size it trained on
 * @param stats the model's training
 * @param memberSeconds the committee members' training wall time
 * @param eval the evaluation
 * @param labeledRank the loss-ranking accuracy on the labeled set
 * @param agreement the committee members' loss agreement, NaN without committee
 * @param diagnostics what the selection picked ({@link SelectionDiagnostics#NONE} in the last cycle)
 * @param picks the picks (none in the last cycle)
 * @param selectSeconds the wall time of scoring and selection
 */
record CycleOutcome(
        RunKey key,
        int cycle,
        String label,
        ActiveLearner learner,
        Committee committee,
        int labeled,
        TrainStats stats,
        double memberSeconds,
        Evaluation eval,
        double labeledRank,
        double agreement,
        SelectionDiagnostics diagnostics,
        List<SelectionRecord> picks,
        double selectSeconds) {}

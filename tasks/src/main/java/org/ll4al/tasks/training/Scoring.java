package org.ll4al.tasks.training;

import java.util.List;

/**
 * What scoring a subset needs beyond the learner itself, for the strategies that ask for it.
 *
 * @param committee the other members of a committee (the learner is the first), for committee
 * @param mcPasses MC-dropout passes, for bald (the engine's generator draws the masks: seed it first)
 * @param isal ISAL's settings, for isal
 * @param isalReference the ids of ISAL's reference set R (pool ids, or evaluation ids with
 *     {@link IsalSettings#referenceFromEval})
 * @param isalSeed seeds LiSSA's draws of training samples
 */
public record Scoring(
        List<ActiveLearner> committee, int mcPasses, IsalSettings isal, int[] isalReference, long isalSeed) {

    /** Nothing beyond the learner: for the strategies that need neither committee, MC dropout nor ISAL. */
    public static final Scoring NONE = new Scoring(List.of(), 0, IsalSettings.DEFAULTS, new int[0], 0);
}

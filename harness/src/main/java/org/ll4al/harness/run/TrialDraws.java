package org.ll4al.harness.run;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import org.ll4al.selection.SubsetSampler;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.training.IsalSettings;

/**
 * The seeded draws of one trial from its pool: the initial labeled set (the same for every
 * strategy), each cycle's scored subset and ISAL's reference set. Each depends only on the
 * trial's seed, its purpose and the cycle, so resumed runs, shards and the strategies benchmark
 * draw the same ids.
 */
public final class TrialDraws {

    private final ActiveLearningTask task;
    private final long trialSeed;
    private final int initial;

    /**
     * Draws of a trial.
     *
     * @param initial the size of the initial labeled set
     */
    public TrialDraws(ActiveLearningTask task, long trialSeed, int initial) {
        this.task = task;
        this.trialSeed = trialSeed;
        this.initial = initial;
    }

    /** The initial labeled set of a trial, sorted: the same for every strategy (paired comparison). */
    static int[] initialSet(int poolSize, int initial, long trialSeed) {
        int[] all = new int[poolSize];
        Arrays.setAll(all, i -> i);
        int[] picked = SubsetSampler.draw(all, initial, new Random(Seeds.mix(trialSeed, Seeds.INITIAL)));
        Arrays.sort(picked);
        return picked;
    }

    /** This trial's initial labeled set. */
    public int[] initialSet() {
        return initialSet(task.poolSize(), initial, trialSeed);
    }

    /** This trial's seed. */
    long trialSeed() {
        return trialSeed;
    }

    /** The subset of cycle {@code cycle}: {@code size} ids of the pool outside {@code labeled}. */
    int[] subset(BitSet labeled, int size, int cycle) {
        return SubsetSampler.draw(outside(labeled), size, new Random(Seeds.mix(trialSeed, Seeds.SUBSET, cycle)));
    }

    /**
     * ISAL's reference set R: a seeded draw of {@code isalReference} pool samples outside the
     * initial set (ISAL reads their labels and never selects them), or of evaluation samples.
     */
    int[] isalReference(IsalSettings isal) {
        Random rng = new Random(Seeds.mix(trialSeed, Seeds.ISAL_REFERENCE));
        if (isal.referenceFromEval()) {
            int[] all = new int[task.evalSize()];
            Arrays.setAll(all, i -> i);
            return SubsetSampler.draw(all, isal.referenceSize(), rng);
        }
        BitSet initialSet = new BitSet();
        Arrays.stream(initialSet()).forEach(initialSet::set);
        return SubsetSampler.draw(outside(initialSet), isal.referenceSize(), rng);
    }

    /** The pool ids not in {@code set}, in increasing order. */
    private int[] outside(BitSet set) {
        int pool = task.poolSize();
        int[] rest = new int[pool - set.cardinality()];
        int k = 0;
        for (int id = set.nextClearBit(0); id < pool; id = set.nextClearBit(id + 1)) {
            rest[k++] = id;
        }
        return rest;
    }
}

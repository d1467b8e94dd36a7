package org.ll4al.harness.run;

import ai.djl.engine.Engine;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.ll4al.selection.PoolView;
import org.ll4al.selection.Selection;
import org.ll4al.selection.SelectionStrategy;
import org.ll4al.selection.Signal;
import org.ll4al.tasks.training.ActiveLearner;
import org.ll4al.tasks.training.Diagnose;
import org.ll4al.tasks.training.IsalSettings;
import org.ll4al.tasks.training.Scoring;

/**
 * A cycle's scoring and selection, the one used by a run's cycles and by {@code -Dbench=strategies}:
 * draws the cycle's subset of the unlabeled pool, scores it for the strategy's signals and the
 * diagnostics' true and predicted losses (the same forward pass; committee members, MC-dropout
 * passes or ISAL's influence where the strategy needs them), and selects the budget, checking
 * that the strategy picked distinct unlabeled ids of the subset.
 */
public final class SelectionStep {

    /**
     * What one step produced.
     *
     * @param subset the scored subset
     * @param signals the signals it was scored for
     * @param pool the scored subset's signals
     * @param selection the picks, in the strategy's order
     * @param scoringSeconds wall time of scoring
     * @param selectionSeconds wall time of the strategy's selection
     * @param influenceCost ISAL's cost line, or null when the strategy does not use influence
     */
    public record Outcome(
            int[] subset,
            Set<Signal> signals,
            PoolView pool,
            Selection selection,
            double scoringSeconds,
            double selectionSeconds,
            String influenceCost) {}

    private final TrialDraws draws;
    private final int subsetSize;
    private final int budget;
    private final int mcPasses;
    private final IsalSettings isal;

    /**
     * A trial's step.
     *
     * @param subsetSize ids scored per cycle (at most the unlabeled pool)
     * @param budget ids picked per cycle (at most the subset)
     * @param mcPasses BALD's MC-dropout passes
     * @param isal ISAL's settings
     */
    public SelectionStep(TrialDraws draws, int subsetSize, int budget, int mcPasses, IsalSettings isal) {
        this.draws = draws;
        this.subsetSize = subsetSize;
        this.budget = budget;
        this.mcPasses = mcPasses;
        this.isal = isal;
    }

    /** The signals a strategy's step scores: its own and the diagnostics' true and predicted losses. */
    static Set<Signal> signals(SelectionStrategy strategy) {
        Set<Signal> wanted = new TreeSet<>();
        wanted.addAll(strategy.requiredSignals());
        wanted.addAll(Diagnose.NEEDS); // same forward pass; read only after the selection
        return wanted;
    }

    /** The subset cycle {@code cycle} scores. */
    public int[] subset(BitSet labeled, int cycle) {
        return draws.subset(labeled, subsetSize, cycle);
    }

    /**
     * Scores cycle {@code cycle}'s subset and selects.
     *
     * @param committee the committee's other members (empty unless the strategy needs them)
     * @param labeled the labeled set; not changed
     * @throws IllegalStateException when the strategy picks an id outside the subset, a labeled or a repeated one
     */
    public Outcome run(
            ActiveLearner learner,
            List<ActiveLearner> committee,
            SelectionStrategy strategy,
            int cycle,
            BitSet labeled) {
        long trialSeed = draws.trialSeed();
        int[] subset = subset(labeled, cycle);
        Set<Signal> wanted = signals(strategy);
        Engine.getInstance().setRandomSeed((int) Seeds.mix(trialSeed, Seeds.TORCH_SCORE, cycle)); // MC-dropout masks
        boolean influence = wanted.contains(Signal.INFLUENCE);
        Scoring extras = new Scoring(
                committee,
                mcPasses,
                isal,
                influence ? draws.isalReference(isal) : new int[0],
                Seeds.mix(trialSeed, Seeds.ISAL_LISSA, cycle));
        long t0 = System.nanoTime();
        PoolView pool = learner.score(subset, labeled.stream().toArray(), wanted, extras);
        long t1 = System.nanoTime();
        Selection sel = strategy.select(
                pool, Math.min(budget, subset.length), new Random(Seeds.mix(trialSeed, Seeds.SELECT, cycle)));
        long t2 = System.nanoTime();
        check(sel, subset, labeled, strategy);
        return new Outcome(
                subset,
                wanted,
                pool,
                sel,
                (t1 - t0) / 1e9,
                (t2 - t1) / 1e9,
                influence ? learner.lastInfluenceCost() : null);
    }

    private static void check(Selection sel, int[] subset, BitSet labeled, SelectionStrategy strategy) {
        BitSet inSubset = new BitSet();
        for (int id : subset) {
            inSubset.set(id);
        }
        BitSet seen = new BitSet();
        for (int id : sel.ids()) {
            if (!inSubset.get(id) || labeled.get(id) || seen.get(id)) {
                throw new IllegalStateException("strategy " + strategy.name() + " returned id " + id
                        + " that is not an unpicked id of the scored subset");
            }
            seen.set(id);
        }
    }
}

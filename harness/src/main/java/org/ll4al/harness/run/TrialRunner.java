package org.ll4al.harness.run;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.ll4al.harness.options.Options;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsStore;
import org.ll4al.results.RunKey;
import org.ll4al.results.SampleLosses;
import org.ll4al.results.SelectionDiagnostics;
import org.ll4al.results.SelectionRecord;
import org.ll4al.selection.PoolView;
import org.ll4al.selection.Selection;
import org.ll4al.selection.SelectionStrategy;
import org.ll4al.selection.Signal;
import org.ll4al.selection.Strategies;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.training.ActiveLearner;
import org.ll4al.tasks.training.Diagnose;
import org.ll4al.tasks.training.Evaluation;
import org.ll4al.tasks.training.LossRanking;
import org.ll4al.tasks.training.TrainSettings;
import org.ll4al.tasks.training.TrainStats;
import org.ll4al.tasks.training.TrainingDivergedException;

/**
 * Runs the cycles of one (strategy, trial), each as three steps: {@link #train} (the model and
 * the committee, then the evaluation), {@link #select} (the {@link SelectionStep} and the picks'
 * diagnostics; not in the last cycle) and {@link #record} (the rows, around which the listeners
 * checkpoint and print). Resumes after the last cycle whose row is in {@code cycles.csv}.
 */
public final class TrialRunner {

    private final Options o;
    private final ActiveLearningTask task;
    private final ResultsStore store;
    private final Device device;
    private final PrintStream out;
    private final boolean terminal;
    private final Checkpoints checkpoints;
    private final List<CycleListener> listeners;

    TrialRunner(
            Options o, ActiveLearningTask task, ResultsStore store, Device device, PrintStream out, boolean terminal) {
        this.o = o;
        this.task = task;
        this.store = store;
        this.device = device;
        this.out = out;
        this.terminal = terminal;
        this.checkpoints = new Checkpoints(store.dir());
        this.listeners = List.of(checkpoints, new CycleReport(out, task.metricName()));
    }

    /** Runs (or resumes) one (strategy, trial) as planned; returns false when it failed, now or in an earlier session. */
    boolean run(ResumePlan.Run planned, List<SelectionRecord> picked) throws IOException {
        RunKey key = planned.key();
        SelectionStrategy strategy = Strategies.byName(key.strategy());
        int trial = key.trial();
        long trialSeed = Seeds.trial(o.seed, trial);
        int start = planned.start();
        CycleResult failure = planned.failure();
        if (failure != null && !o.retryFailed) {
            out.println(key + ": failed in an earlier session, not rerun (" + failure.status()
                    + "); -DretryFailed=true re-runs it");
            return false;
        }
        if (failure != null) {
            out.println(key + ": re-running from cycle " + start + " after an earlier failure (kept in cycles.csv: "
                    + failure.status() + ")");
        }
        if (start >= o.cycles) {
            out.println(key + ": all " + o.cycles + " cycles already in " + store.dir() + ", skipped");
            return true;
        }
        TrialDraws draws = new TrialDraws(task, trialSeed, o.initial);
        SelectionStep step = new SelectionStep(draws, o.subset, o.budget, o.mcPasses, o.isal);
        BitSet labeled = new BitSet(task.poolSize());
        for (int id : draws.initialSet()) {
            labeled.set(id);
        }
        for (SelectionRecord s : picked) {
            if (s.key().equals(key) && s.cycle() < start) {
                labeled.set(s.sampleId());
            }
        }
        int members = strategy.requiredSignals().contains(Signal.COMMITTEE_DISAGREEMENT) ? o.committee : 1;
        try (ActiveLearner learner = ActiveLearner.create(task, o.train(), device, Seeds.mix(trialSeed, Seeds.MODEL));
                Committee committee = new Committee(task, o.train(), device, trialSeed, members)) {
            if (start > 0) {
                out.println(key + ": resuming at cycle " + start + " with " + labeled.cardinality() + " labeled");
                if (!o.reinit) {
                    checkpoints.restore(key, start - 1, learner, committee);
                }
            }
            for (int c = start; c < o.cycles; c++) {
                if (o.reinit && c > 0) {
                    learner.reinitialize(Seeds.mix(trialSeed, Seeds.MODEL, c));
                    committee.reinitialize(c);
                }
                if (!cycle(learner, committee, strategy, step, key, trialSeed, c, labeled)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** One cycle: train, select (but in the last cycle), record; false when training diverged. */
    private boolean cycle(
            ActiveLearner learner,
            Committee committee,
            SelectionStrategy strategy,
            SelectionStep step,
            RunKey key,
            long trialSeed,
            int c,
            BitSet labeled)
            throws IOException {
        int[] labeledIds = labeled.stream().toArray();
        String label = String.format(
                "[%s %s trial %d cycle %d/%d, %d labeled]",
                task.name(), key.strategy(), key.trial(), c, o.cycles - 1, labeledIds.length);
        List<SampleLosses> samples = new ArrayList<>();
        Trained trained = train(learner, committee, key, trialSeed, c, labeledIds, label, samples);
        if (trained == null) {
            return false;
        }
        Selected selected = c < o.cycles - 1
                ? select(learner, committee, strategy, step, key, c, labeled, label, samples)
                : new Selected(SelectionDiagnostics.NONE, List.of(), 0);
        record(
                new CycleOutcome(
                        key,
                        c,
                        label,
                        learner,
                        committee,
                        labeledIds.length,
                        trained.stats(),
                        trained.memberSeconds(),
                        trained.eval(),
                        trained.labeledRank(),
                        trained.agreement(),
                        selected.diagnostics(),
                        selected.picks(),
                        selected.seconds()),
                samples);
        selected.picks().forEach(p -> labeled.set(p.sampleId()));
        return true;
    }

    /** What the train step produced. */
    private record Trained(
            TrainStats stats, double memberSeconds, Evaluation eval, double labeledRank, double agreement) {}

    /** What the select step produced. */
    private record Selected(SelectionDiagnostics diagnostics, List<SelectionRecord> picks, double seconds) {}

    /**
     * The train step: trains the model (or loads the shared cycle 0) and the committee's members,
     * evaluates, and ranks the labeled set's losses. On a non-finite loss it writes the failed row
     * and returns null.
     */
    private Trained train(
            ActiveLearner learner,
            Committee committee,
            RunKey key,
            long trialSeed,
            int c,
            int[] labeledIds,
            String label,
            List<SampleLosses> samples)
            throws IOException {
        CycleZero.Outcome trained;
        double memberSeconds;
        try {
            trained = trainAndEvaluate(learner, key, trialSeed, c, labeledIds, label);
            memberSeconds = committee.train(settings(c), labeledIds, c, new Progress(out, terminal, label + " member"));
        } catch (TrainingDivergedException e) {
            String why = "failed: task " + task.name() + ", strategy " + key.strategy() + ", trial " + key.trial()
                    + ", cycle " + c + ": " + e.getMessage();
            out.println(label + " " + why + "; this trial stops, the others continue");
            store.appendCycle(row(key, c, labeledIds.length).status(why).build(), List.of());
            return null;
        }
        Evaluation eval = trained.eval();
        PoolView onLabeled = learner.lossesOn(labeledIds);
        double labeledRank =
                LossRanking.accuracy(onLabeled.scores(Signal.TRUE_LOSS), onLabeled.scores(Signal.PREDICTED_LOSS));
        if (o.sampleLosses) {
            samples.add(sampleLosses(key, c, "labeled", onLabeled));
            if (eval.trueLosses() != null) { // a loaded shared cycle 0: its trainer wrote the evaluation's
                String[] names = new String[eval.trueLosses().length];
                Arrays.setAll(names, i -> task.sampleName(true, i));
                samples.add(new SampleLosses(
                        key.strategy(), key.trial(), c, "eval", names, eval.trueLosses(), eval.predictedLosses()));
            }
        }
        double agreement = committee.members().isEmpty()
                ? Double.NaN
                : committee.lossAgreement(
                        eval.trueLosses() != null
                                ? eval.trueLosses()
                                : learner.evaluate().trueLosses());
        return new Trained(trained.stats(), memberSeconds, eval, labeledRank, agreement);
    }

    /** The select step: the scoring-and-selection step, then the picks' diagnostics (read after the selection). */
    private Selected select(
            ActiveLearner learner,
            Committee committee,
            SelectionStrategy strategy,
            SelectionStep step,
            RunKey key,
            int c,
            BitSet labeled,
            String label,
            List<SampleLosses> samples) {
        long t0 = System.nanoTime();
        SelectionStep.Outcome done = step.run(learner, committee.members(), strategy, c, labeled);
        if (done.influenceCost() != null) {
            out.println(label + " " + done.influenceCost());
        }
        PoolView pool = done.pool();
        Selection sel = done.selection();
        SelectionDiagnostics diagnostics = Diagnose.selection(pool, sel.ids(), task.labelEntropy(sel.ids()));
        if (o.sampleLosses) {
            samples.add(sampleLosses(key, c, "subset", pool));
        }
        List<SelectionRecord> picks = new ArrayList<>();
        for (int i = 0; i < sel.ids().length; i++) {
            picks.add(new SelectionRecord(task.name(), key.strategy(), key.trial(), c, sel.ids()[i], sel.scores()[i]));
        }
        return new Selected(diagnostics, picks, (System.nanoTime() - t0) / 1e9);
    }

    /** The record step: the sample losses, then the cycle's row and picks, between the listeners' hooks. */
    private void record(CycleOutcome c, List<SampleLosses> samples) throws IOException {
        store.appendSampleLosses(samples);
        for (CycleListener l : listeners) {
            l.beforeRecord(c);
        }
        store.appendCycle(
                row(c.key(), c.cycle(), c.labeled())
                        .metricValue(c.eval().metric())
                        .lossRankAccuracy(c.eval().lossRankAccuracy())
                        .seconds(c.stats().seconds() + c.memberSeconds(), c.selectSeconds())
                        .diagnostics(c.diagnostics())
                        .labeledLossRankAccuracy(c.labeledRank())
                        .committeeLossAgreement(c.agreement())
                        .entropyLossRankAccuracy(c.eval().entropyLossRankAccuracy())
                        .metricDetails(c.eval().details())
                        .build(),
                c.picks());
        for (CycleListener l : listeners) {
            l.afterRecord(c);
        }
    }

    /**
     * Trains and evaluates cycle {@code c}. Cycle 0 is the same for every strategy of a trial: with
     * {@code shareCycle0} the first strategy trains it and the others load it.
     */
    private CycleZero.Outcome trainAndEvaluate(
            ActiveLearner learner, RunKey key, long trialSeed, int c, int[] labeledIds, String label)
            throws IOException {
        CycleZero shared = c == 0 && o.shareCycle0 ? new CycleZero(store.dir(), key.trial()) : null;
        if (shared != null) {
            CycleZero.Outcome done = shared.load(learner);
            if (done != null) {
                out.println(label + " cycle 0 of trial " + key.trial() + " loaded (trained once for every strategy)");
                return done;
            }
        }
        Engine.getInstance().setRandomSeed((int) Seeds.mix(trialSeed, Seeds.TORCH_TRAIN, c)); // dropout masks
        TrainStats stats = learner.train(
                settings(c),
                labeledIds,
                new Random(Seeds.mix(trialSeed, Seeds.TRAIN, c)),
                new Progress(out, terminal, label));
        CycleZero.Outcome result = new CycleZero.Outcome(stats, learner.evaluate());
        if (shared != null) {
            shared.save(learner, result);
        }
        return result;
    }

    /** A row of this run's cycle {@code c}: its identity, labeled count and metric name. */
    private CycleResult.Builder row(RunKey key, int c, int labeled) {
        return CycleResult.builder()
                .task(task.name())
                .strategy(key.strategy())
                .trial(key.trial())
                .seed(Seeds.trial(o.seed, key.trial()))
                .cycle(c)
                .labeled(labeled)
                .metricName(task.metricName());
    }

    private SampleLosses sampleLosses(RunKey key, int c, String set, PoolView v) {
        int[] ids = v.ids();
        String[] names = new String[ids.length];
        Arrays.setAll(names, i -> task.sampleName(false, ids[i]));
        return new SampleLosses(
                key.strategy(),
                key.trial(),
                c,
                set,
                names,
                v.scores(Signal.TRUE_LOSS),
                v.scores(Signal.PREDICTED_LOSS));
    }

    /** Training settings of cycle c: cycle 0 stretched to {@code initialEpochs} when set. */
    private TrainSettings settings(int c) {
        return c == 0 && o.initialEpochs > 0 ? o.train().stretchedTo(o.initialEpochs) : o.train();
    }
}

package org.ll4al.harness;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ll4al.selection.McDropout;
import org.ll4al.selection.PoolView;
import org.ll4al.selection.SelectionStrategy;
import org.ll4al.selection.Signal;
import org.ll4al.selection.Strategies;
import org.ll4al.selection.SubsetSampler;
import org.ll4al.tasks.learn.ActiveLearner;
import org.ll4al.tasks.learn.Diagnose;
import org.ll4al.tasks.learn.Scoring;
import org.ll4al.tasks.option.OptionException;

/**
 * {@code -Dbench=strategies -Dtask=T [-Dpreset=P]}: what each selection strategy costs per cycle
 * at the preset's sizes, on a freshly initialised model (no training: the cost does not depend
 * on the weights). Per strategy, as in a cycle: scoring the preset's subset (one pass for the
 * strategy's signals and the diagnostics' true and predicted losses; embeddings of the labeled
 * set for core-set; the committee's other members, MC-dropout passes or ISAL's influence where
 * the strategy needs them), then the selection of the budget. Every strategy defined for the
 * task, or those of an explicit {@code -Dstrategies}; {@code -DbenchImages} shrinks the subset.
 */
final class BenchStrategies {

    private BenchStrategies() {}

    static void run(Properties props, PrintStream out) throws IOException {
        String taskName = props.getProperty("task", "");
        if (taskName.isBlank()) {
            throw new OptionException("task", taskName, "the task whose strategies to time (-Dtask=classification|"
                    + "detection|pose)");
        }
        String images = props.getProperty(Benchmark.IMAGES.name(), "");
        int subsetLimit = images.isBlank() ? Integer.MAX_VALUE : Benchmark.value(props, Benchmark.IMAGES);
        // A generated classification set (no -Ddata) holds the labeled set and the subset.
        Options sized = new Options(OptionSources.collect(withData(props), Engine.getInstance().getGpuCount() > 0));
        int subsetSize = Math.min(sized.subset, subsetLimit);
        try (BenchSetup s = BenchSetup.open(taskName, props, sized.initial + subsetSize, out)) {
            Options o = s.o;
            int pool = s.task.poolSize();
            long trialSeed = Seeds.trial(o.seed, 0);
            int[] labeled = TrialRunner.initialSet(pool, Math.min(o.initial, pool - 1), trialSeed);
            BitSet isLabeled = new BitSet(pool);
            Arrays.stream(labeled).forEach(isLabeled::set);
            int[] unlabeled = new int[pool - labeled.length];
            int k = 0;
            for (int id = isLabeled.nextClearBit(0); id < pool; id = isLabeled.nextClearBit(id + 1)) {
                unlabeled[k++] = id;
            }
            int[] subset = SubsetSampler.draw(unlabeled, Math.min(subsetSize, unlabeled.length),
                    new Random(Seeds.mix(trialSeed, Seeds.SUBSET, 0)));
            int budget = Math.min(o.budget, subset.length);
            out.printf("strategies: task %s, preset %s, fresh model (width %s), per cycle: score a subset of %d with %d"
                    + " labeled (inference batch %d), select %d%n", o.task, o.preset, o.get("width"), subset.length,
                    labeled.length, s.inferenceBatch(), budget);
            s.learner.score(Arrays.copyOf(subset, Math.min(subset.length, s.inferenceBatch() * 2)), new int[0],
                    Set.of(Signal.PREDICTED_LOSS)); // warm-up
            BenchTable t = new BenchTable("strategy", "scoring s", "selection s", "total s", "signals");
            List<String> notes = new ArrayList<>();
            Committee committee = null;
            try {
                for (String name : strategies(props, o)) {
                    SelectionStrategy strategy = Strategies.byName(name);
                    String why = unsupported(s, strategy);
                    if (why != null) {
                        t.row(name, "-", "-", "-", "skipped: " + why);
                        continue;
                    }
                    if (strategy.requiredSignals().contains(Signal.COMMITTEE_DISAGREEMENT) && committee == null) {
                        committee = new Committee(s.task, o.train(), s.device, trialSeed, o.committee);
                    }
                    out.println("timing " + name + " ...");
                    Set<Signal> wanted = EnumSet.noneOf(Signal.class);
                    wanted.addAll(strategy.requiredSignals());
                    wanted.addAll(Diagnose.NEEDS);
                    Engine.getInstance().setRandomSeed((int) Seeds.mix(trialSeed, Seeds.TORCH_SCORE, 0));
                    Scoring extras = new Scoring(committee == null ? List.of() : committee.members(), o.mcPasses, o.isal,
                            wanted.contains(Signal.INFLUENCE) ? isalReference(o, s, isLabeled, trialSeed) : new int[0],
                            Seeds.mix(trialSeed, Seeds.ISAL_LISSA, 0));
                    long t0 = System.nanoTime();
                    PoolView view = s.learner.score(subset, labeled, wanted, extras);
                    long t1 = System.nanoTime();
                    strategy.select(view, budget, new Random(Seeds.mix(trialSeed, Seeds.SELECT, 0)));
                    long t2 = System.nanoTime();
                    t.row(name, seconds(t1 - t0), seconds(t2 - t1), seconds(t2 - t0), wanted.stream()
                            .map(x -> x.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(",")));
                    if (wanted.contains(Signal.INFLUENCE)) {
                        notes.add(s.learner.lastInfluenceCost());
                    }
                }
            } finally {
                if (committee != null) {
                    committee.close();
                }
            }
            t.print(out);
            notes.forEach(out::println);
            out.println("scoring includes the diagnostics' true and predicted losses (same forward pass) as in a cycle;"
                    + " committee: " + o.committee + " members, bald: " + o.mcPasses + " MC-dropout passes");
        }
    }

    private static Properties withData(Properties props) {
        Properties p = new Properties();
        p.putAll(props);
        if (p.getProperty("data", "").isBlank()) {
            p.setProperty("data", "(generated)");
        }
        return p;
    }

    /** An explicit -Dstrategies, else every registered strategy. */
    private static List<String> strategies(Properties props, Options o) {
        return props.getProperty("strategies", "").isBlank() ? new ArrayList<>(new TreeSet<>(Strategies.names()))
                : o.strategies;
    }

    /** Why a strategy cannot run on this task and model, or null. */
    private static String unsupported(BenchSetup s, SelectionStrategy strategy) {
        try {
            ActiveLearner.checkSignals(s.task, strategy.requiredSignals());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (strategy.requiredSignals().contains(Signal.BALD) && McDropout.count(s.learner.targetModel().block()) == 0) {
            return "needs dropout layers (-Ddropout > 0)";
        }
        return null;
    }

    /** ISAL's reference set as a run draws it: pool samples outside the labeled set, or evaluation samples. */
    private static int[] isalReference(Options o, BenchSetup s, BitSet labeled, long trialSeed) {
        Random rng = new Random(Seeds.mix(trialSeed, Seeds.ISAL_REFERENCE));
        int[] from;
        if (o.isal.referenceFromEval()) {
            from = new int[s.task.evalSize()];
            Arrays.setAll(from, i -> i);
        } else {
            from = java.util.stream.IntStream.range(0, s.task.poolSize()).filter(i -> !labeled.get(i)).toArray();
        }
        return SubsetSampler.draw(from, Math.min(o.isal.referenceSize(), from.length), rng);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }
}

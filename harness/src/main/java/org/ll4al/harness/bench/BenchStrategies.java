package org.ll4al.harness.bench;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ll4al.harness.options.BenchOptions;
import org.ll4al.harness.options.OptionSources;
import org.ll4al.harness.options.OptionSpec;
import org.ll4al.harness.options.Options;
import org.ll4al.harness.run.Committee;
import org.ll4al.harness.run.Seeds;
import org.ll4al.harness.run.SelectionStep;
import org.ll4al.harness.run.TrialDraws;
import org.ll4al.options.OptionException;
import org.ll4al.selection.SelectionStrategy;
import org.ll4al.selection.Signal;
import org.ll4al.selection.Strategies;
import org.ll4al.tasks.training.SignalCheck;

/**
 * {@code -Dbench=strategies -Dtask=T [-Dpreset=P]}: what each selection strategy costs per cycle
 * at the preset's sizes, on a freshly initialised model (no training: the cost does not depend
 * on the weights). Per strategy, as in a cycle: scoring the preset's subset (one pass for the
 * strategy's signals and the diagnostics' true and predicted losses; embeddings of the labeled
 * set for core-set; the committee's other members, MC-dropout passes or ISAL's influence where
 * the strategy needs them), then the selection of the budget. Every strategy defined for the
 * task, or those of an explicit {@code -Dstrategies}; {@code -DbenchImages} shrinks the subset.
 */
public final class BenchStrategies {

    private BenchStrategies() {}

    public static void run(Properties props, PrintStream out) throws IOException {
        String taskName = props.getProperty("task", "");
        if (taskName.isBlank()) {
            throw new OptionException(
                    "task", taskName, "the task whose strategies to time (-Dtask=classification|" + "detection|pose)");
        }
        String images = props.getProperty(BenchOptions.IMAGES.name(), "");
        int subsetLimit = images.isBlank() ? Integer.MAX_VALUE : OptionSpec.value(props, BenchOptions.IMAGES);
        // A generated classification set (no -Ddata) holds the labeled set and the subset.
        Options sized = new Options(
                OptionSources.collect(withData(props), Engine.getInstance().getGpuCount() > 0));
        int subsetSize = Math.min(sized.subset, subsetLimit);
        try (BenchSetup s = BenchSetup.open(taskName, props, sized.initial + subsetSize, out)) {
            Options o = s.o;
            int pool = s.task.poolSize();
            long trialSeed = Seeds.trial(o.seed, 0);
            TrialDraws draws = new TrialDraws(s.task, trialSeed, Math.min(o.initial, pool - 1));
            SelectionStep step = new SelectionStep(draws, subsetSize, o.budget, o.mcPasses, o.isal);
            int[] labeled = draws.initialSet();
            BitSet isLabeled = new BitSet(pool);
            Arrays.stream(labeled).forEach(isLabeled::set);
            int[] subset = step.subset(isLabeled, 0);
            int budget = Math.min(o.budget, subset.length);
            out.printf(
                    "strategies: task %s, preset %s, fresh model (width %s), per cycle: score a subset of %d with %d"
                            + " labeled (inference batch %d), select %d%n",
                    o.task, o.preset, o.get("width"), subset.length, labeled.length, s.inferenceBatch(), budget);
            s.learner.score(
                    Arrays.copyOf(subset, Math.min(subset.length, s.inferenceBatch() * 2)),
                    new int[0],
                    Set.of(Signal.PREDICTED_LOSS)); // warm-up
            BenchTable t = new BenchTable("strategy", "scoring s", "selection s", "total s", "signals");
            List<String> notes = new ArrayList<>();
            Committee committee = null;
            try {
                for (String name : strategies(props, o)) {
                    SelectionStrategy strategy = Strategies.byName(name);
                    Optional<String> why = SignalCheck.unmet(
                            s.task,
                            strategy.requiredSignals(),
                            s.learner.targetModel().block());
                    if (why.isPresent()) {
                        t.row(name, "-", "-", "-", "skipped: " + why.get());
                        continue;
                    }
                    if (strategy.requiredSignals().contains(Signal.COMMITTEE_DISAGREEMENT) && committee == null) {
                        committee = new Committee(s.task, o.train(), s.device, trialSeed, o.committee);
                    }
                    out.println("timing " + name + " ...");
                    SelectionStep.Outcome done = step.run(
                            s.learner, committee == null ? List.of() : committee.members(), strategy, 0, isLabeled);
                    t.row(
                            name,
                            seconds(done.scoringSeconds()),
                            seconds(done.selectionSeconds()),
                            seconds(done.scoringSeconds() + done.selectionSeconds()),
                            done.signals().stream()
                                    .map(x -> x.name().toLowerCase(Locale.ROOT))
                                    .sorted()
                                    .collect(Collectors.joining(",")));
                    if (done.influenceCost() != null) {
                        notes.add(done.influenceCost());
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
        return props.getProperty("strategies", "").isBlank()
                ? new ArrayList<>(new TreeSet<>(Strategies.names()))
                : o.strategies;
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }
}

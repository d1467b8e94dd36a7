package org.ll4al.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.ll4al.results.CycleResult;

/**
 * The completed ({@code ok}) rows of one task, indexed by strategy, trial and cycle.
 *
 * <p>Rows with status {@code ok} but no metric value are treated like failed rows. The
 * task's final cycle is the largest cycle any strategy completed. A trial is
 * <em>complete</em> when its final cycle is ok; only complete trials enter final-cycle metrics
 * and the area under the learning curve, so every reported trial covers the same range.
 */
final class TaskData {

    /** The baseline strategy of paired comparisons. */
    static final String RANDOM = "random";

    private final String task;
    private final Set<String> controls;
    private final SortedMap<String, SortedMap<Integer, SortedMap<Integer, CycleResult>>> rows = new TreeMap<>();
    private final Set<String> metricNames = new TreeSet<>();
    private int finalCycle = -1;
    private String fileName;

    private TaskData(String task, Set<String> controls) {
        this.task = task;
        this.controls = controls;
    }

    /** True for a row the curves and tables use: status ok and a metric value. */
    static boolean usable(CycleResult r) {
        return r.isOk() && !Double.isNaN(r.metricValue());
    }

    /** Groups the usable rows by task (sorted by name); other rows are skipped. */
    static SortedMap<String, TaskData> byTask(List<CycleResult> all) {
        return byTask(all, Set.of());
    }

    /**
     * Groups the usable rows by task (sorted by name); other rows are skipped.
     *
     * @param controls strategies that are controls reading the labels (labelled as such)
     */
    static SortedMap<String, TaskData> byTask(List<CycleResult> all, Set<String> controls) {
        SortedMap<String, TaskData> out = new TreeMap<>();
        for (CycleResult r : all) {
            if (!usable(r)) {
                continue;
            }
            TaskData t = out.computeIfAbsent(r.task(), k -> new TaskData(k, controls));
            t.rows.computeIfAbsent(r.strategy(), s -> new TreeMap<>())
                    .computeIfAbsent(r.trial(), s -> new TreeMap<>())
                    .put(r.cycle(), r);
            t.metricNames.add(r.metricName());
            t.finalCycle = Math.max(t.finalCycle, r.cycle());
        }
        Set<String> used = new HashSet<>();
        for (TaskData t : out.values()) {
            String safe = t.task.replaceAll("[^A-Za-z0-9._-]", "_");
            safe = safe.isEmpty() ? "_" : safe;
            t.fileName = safe;
            for (int k = 2; !used.add(t.fileName); k++) {
                t.fileName = safe + "_" + k;
            }
        }
        return out;
    }

    /** The task name reduced to characters safe in a file name, distinct among the tasks grouped together. */
    String fileName() {
        return fileName;
    }

    String task() {
        return task;
    }

    /** The metric name(s) of the task, joined with "/" if rows disagree. */
    String metricName() {
        return String.join("/", metricNames);
    }

    int finalCycle() {
        return finalCycle;
    }

    /** Strategies, {@code random} first, the others by name. */
    List<String> strategies() {
        List<String> out = new ArrayList<>();
        if (rows.containsKey(RANDOM)) {
            out.add(RANDOM);
        }
        for (String s : rows.keySet()) {
            if (!s.equals(RANDOM)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Whether the strategy is a control that reads the labels. */
    boolean isControl(String strategy) {
        return controls.contains(strategy);
    }

    /** The strategy's name, with "(control: reads labels)" for a control. */
    String label(String strategy) {
        return isControl(strategy) ? strategy + " (control: reads labels)" : strategy;
    }

    boolean has(String strategy) {
        return rows.containsKey(strategy);
    }

    /** Trials of a strategy with at least one ok row, trial to (cycle to row). */
    SortedMap<Integer, SortedMap<Integer, CycleResult>> trials(String strategy) {
        return rows.getOrDefault(strategy, new TreeMap<>());
    }

    /** The final-cycle row of every complete trial of a strategy. */
    SortedMap<Integer, CycleResult> finalRows(String strategy) {
        SortedMap<Integer, CycleResult> out = new TreeMap<>();
        trials(strategy).forEach((trial, cycles) -> {
            CycleResult last = cycles.get(finalCycle);
            if (last != null) {
                out.put(trial, last);
            }
        });
        return out;
    }

    /** Final-cycle metric of every complete trial. */
    SortedMap<Integer, Double> finalMetric(String strategy) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        finalRows(strategy).forEach((trial, r) -> out.put(trial, r.metricValue()));
        return out;
    }

    /** The metric at one cycle of every trial of a strategy whose row for that cycle is ok. */
    SortedMap<Integer, Double> metricAt(String strategy, int cycle) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        trials(strategy).forEach((trial, cycles) -> {
            CycleResult r = cycles.get(cycle);
            if (r != null) {
                out.put(trial, r.metricValue());
            }
        });
        return out;
    }

    /** The labeled count of a cycle: the largest any strategy's ok row of that cycle recorded, -1 if none. */
    int labeledAt(int cycle) {
        int labeled = -1;
        for (SortedMap<Integer, SortedMap<Integer, CycleResult>> byTrial : rows.values()) {
            for (SortedMap<Integer, CycleResult> cycles : byTrial.values()) {
                CycleResult r = cycles.get(cycle);
                if (r != null) {
                    labeled = Math.max(labeled, r.labeled());
                }
            }
        }
        return labeled;
    }

    /**
     * Normalised area under the learning curve of every complete trial: trapezoid over the
     * labeled count through its ok cycles, divided by the labeled-count range.
     */
    SortedMap<Integer, Double> aulc(String strategy) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        for (Integer trial : finalRows(strategy).keySet()) {
            List<CycleResult> pts = new ArrayList<>(trials(strategy).get(trial).values());
            pts.sort((a, b) -> Integer.compare(a.labeled(), b.labeled()));
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = pts.get(i).labeled();
                y[i] = pts.get(i).metricValue();
            }
            out.put(trial, Stats.normalisedArea(x, y));
        }
        return out;
    }

    /** Loss-rank accuracies at the final cycle, over complete trials that recorded one. */
    List<Double> finalLossRankAccuracy(String strategy) {
        return finalValues(strategy, CycleResult::lossRankAccuracy);
    }

    /** The final cycles' ranking accuracies on their labeled sets (rows that recorded one). */
    List<Double> finalLabeledLossRankAccuracy(String strategy) {
        return finalValues(strategy, CycleResult::labeledLossRankAccuracy);
    }

    /** The final cycles' committee loss agreements (rows of a committee strategy that recorded one). */
    List<Double> finalCommitteeLossAgreement(String strategy) {
        return finalValues(strategy, CycleResult::committeeLossAgreement);
    }

    /** The final cycles' entropy rankings of the evaluation losses (rows that recorded one). */
    List<Double> finalEntropyLossRankAccuracy(String strategy) {
        return finalValues(strategy, CycleResult::entropyLossRankAccuracy);
    }

    private List<Double> finalValues(String strategy, ToDoubleFunction<CycleResult> f) {
        List<Double> out = new ArrayList<>();
        for (CycleResult r : finalRows(strategy).values()) {
            double v = f.applyAsDouble(r);
            if (!Double.isNaN(v)) {
                out.add(v);
            }
        }
        return out;
    }
}

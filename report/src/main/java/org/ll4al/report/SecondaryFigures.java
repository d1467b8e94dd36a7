package org.ll4al.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ll4al.results.CycleResult;

/**
 * The summary's table of the metric's secondary figures at the final cycle (the {@code
 * metric_details} column, e.g. PCKh@0.5 beside PCK@0.2 on LSP), each with its paired difference
 * from {@code random}; nothing when no final row records one.
 */
final class SecondaryFigures {

    private SecondaryFigures() {}

    /**
     * The figures of one {@code metric_details} text, name to value in their order: whitespace-separated
     * {@code name value} pairs; a pair whose value is not a number is left out (empty for "").
     */
    static Map<String, Double> parse(String details) {
        Map<String, Double> out = new LinkedHashMap<>();
        String[] tokens = details.trim().split("\\s+");
        for (int i = 0; i + 1 < tokens.length; i += 2) {
            try {
                out.put(tokens[i], Double.parseDouble(tokens[i + 1]));
            } catch (NumberFormatException e) {
                // not a figure: the table shows the others
            }
        }
        return out;
    }

    /** Appends the table when a final row of the task records secondary figures. */
    static void append(StringBuilder md, TaskData t) {
        Set<String> names = new LinkedHashSet<>();
        for (String s : t.strategies()) {
            t.finalRows(s)
                    .values()
                    .forEach(r -> names.addAll(parse(r.metricDetails()).keySet()));
        }
        if (names.isEmpty()) {
            return;
        }
        md.append("\n### Secondary figures at the final cycle\n\n")
                .append("From `metric_details`: mean ± std over complete trials, and the mean paired difference ")
                .append("from `random` (p of the paired t test; n/a with fewer than 2 pairs).\n\n")
                .append("| strategy |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String n : names) {
            md.append(" ")
                    .append(Summary.cell(n))
                    .append(" | Δ ")
                    .append(Summary.cell(n))
                    .append(" |");
            rule.append("---:|---:|");
        }
        md.append("\n").append(rule).append("\n");
        Map<String, SortedMap<Integer, Double>> random = new LinkedHashMap<>();
        names.forEach(n -> random.put(n, figure(t, TaskData.RANDOM, n)));
        for (String s : t.strategies()) {
            md.append("| ").append(Summary.cell(t.label(s))).append(" |");
            for (String n : names) {
                SortedMap<Integer, Double> v = figure(t, s, n);
                md.append(" ")
                        .append(Stats.meanStd(new ArrayList<>(v.values())))
                        .append(" | ");
                md.append(
                                s.equals(TaskData.RANDOM)
                                        ? "—"
                                        : PairedComparison.meanAndP(PairedComparison.diffs(v, random.get(n))))
                        .append(" |");
            }
            md.append("\n");
        }
    }

    /** One figure at the final cycle of every complete trial of a strategy that records it. */
    private static SortedMap<Integer, Double> figure(TaskData t, String strategy, String name) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        for (Map.Entry<Integer, CycleResult> e : t.finalRows(strategy).entrySet()) {
            Double v = parse(e.getValue().metricDetails()).get(name);
            if (v != null) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }
}

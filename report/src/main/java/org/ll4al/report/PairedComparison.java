package org.ll4al.report;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/** The summary's paired comparisons against {@code random}: final metric and AULC, then every cycle. */
final class PairedComparison {

    private PairedComparison() {}

    /** Appends the task's paired comparison tables (none without random or another strategy). */
    static void append(StringBuilder md, TaskData t) {
        md.append("\n### Paired comparison against `random`\n\n");
        if (!t.has(TaskData.RANDOM)) {
            md.append("No `random` strategy in this task: n/a.\n");
            return;
        }
        if (t.strategies().size() == 1) {
            md.append("No other strategy in this task: n/a.\n");
            return;
        }
        md.append(
                        "| strategy | pairs | Δ final (mean) | 95% CI (final) | t (final) | p (final) | Δ AULC (mean) | t (AULC) | p (AULC) |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        SortedMap<Integer, Double> baseFinal = t.finalMetric(TaskData.RANDOM);
        SortedMap<Integer, Double> baseAulc = t.aulc(TaskData.RANDOM);
        for (String s : t.strategies()) {
            if (s.equals(TaskData.RANDOM)) {
                continue;
            }
            List<Double> dFinal = diffs(t.finalMetric(s), baseFinal);
            List<Double> dAulc = diffs(t.aulc(s), baseAulc);
            md.append("| ")
                    .append(Summary.cell(t.label(s)))
                    .append(" | ")
                    .append(dFinal.size())
                    .append(" | ")
                    .append(pairedMean(dFinal))
                    .append(" | ")
                    .append(interval(dFinal))
                    .append(" | ")
                    .append(Stats.fmt(Stats.pairedT(dFinal)))
                    .append(" | ")
                    .append(Stats.fmt(Stats.pairedP(dFinal)))
                    .append(" | ")
                    .append(pairedMean(dAulc))
                    .append(" | ")
                    .append(Stats.fmt(Stats.pairedT(dAulc)))
                    .append(" | ")
                    .append(Stats.fmt(Stats.pairedP(dAulc)))
                    .append(" |\n");
        }
        if (t.finalCycle() >= 2) {
            appendPairedByCycle(md, t);
        }
    }

    /**
     * The paired difference from random at every cycle after the shared first one, so that a
     * lead that opens and closes before the final cycle shows (each cycle pairs the trials whose
     * rows for it are ok in both strategies).
     */
    private static void appendPairedByCycle(StringBuilder md, TaskData t) {
        md.append("\nBy cycle: mean paired difference from `random` (p of the paired t test; n/a with fewer")
                .append(" than 2 pairs). Each cycle pairs the trials whose rows for it are ok in both.\n\n")
                .append("| strategy |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int c = 1; c <= t.finalCycle(); c++) {
            md.append(" ").append(t.labeledAt(c)).append(" labeled |");
            rule.append("---:|");
        }
        md.append("\n").append(rule).append("\n");
        for (String s : t.strategies()) {
            if (s.equals(TaskData.RANDOM)) {
                continue;
            }
            md.append("| ").append(Summary.cell(t.label(s))).append(" |");
            for (int c = 1; c <= t.finalCycle(); c++) {
                List<Double> d = diffs(t.metricAt(s, c), t.metricAt(TaskData.RANDOM, c));
                md.append(" ").append(meanAndP(d)).append(" |");
            }
            md.append("\n");
        }
    }

    /** Differences a - b over the trials both maps hold, in trial order. */
    static List<Double> diffs(SortedMap<Integer, Double> a, SortedMap<Integer, Double> b) {
        List<Double> out = new ArrayList<>();
        a.forEach((trial, v) -> {
            Double w = b.get(trial);
            if (w != null) {
                out.add(v - w);
            }
        });
        return out;
    }

    /** "mean (p of the paired t test)" of paired differences; n/a with fewer than 2 pairs. */
    static String meanAndP(List<Double> d) {
        return d.size() < 2 ? "n/a" : Stats.fmt(Stats.mean(d)) + " (p " + Stats.fmt(Stats.pairedP(d)) + ")";
    }

    /** The 95% confidence interval of the mean difference as {@code [lower, upper]}; n/a with fewer than 2 pairs. */
    private static String interval(List<Double> d) {
        double[] ci = Stats.pairedInterval95(d);
        return ci == null ? "n/a" : "[" + Stats.fmt(ci[0]) + ", " + Stats.fmt(ci[1]) + "]";
    }

    private static String pairedMean(List<Double> d) {
        return d.size() < 2 ? "n/a" : Stats.fmt(Stats.mean(d));
    }
}

package org.ll4al.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.ll4al.results.CycleResult;

/** Writes {@code summary.md}: per-task tables of final metric, AULC and comparisons to random. */
public final class Summary {

    /** Name of the summary file written into the output folder. */
    public static final String FILE = "summary.md";

    private Summary() {}

    /**
     * Writes {@code outDir/summary.md} for the given rows and returns its path.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static Path write(List<CycleResult> rows, Path outDir) {
        Path file = outDir.resolve(FILE);
        try {
            Files.createDirectories(outDir);
            Files.writeString(file, render(rows), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write summary: " + e, e);
        }
        return file;
    }

    /** Renders the Markdown summary of the given rows (ok rows in tables, others listed). */
    public static String render(List<CycleResult> rows) {
        StringBuilder md = new StringBuilder("# Active learning summary\n\n");
        md.append("Numbers are mean ± sample std over trials. A trial counts when its final cycle ")
                .append("completed. AULC = area under the learning curve (trapezoid over the labeled ")
                .append("count) divided by the labeled-count range, i.e. a mean metric. Paired ")
                .append("comparisons use trials both strategies completed; t = mean difference / ")
                .append("(std / sqrt(pairs)), n/a with fewer than 2 pairs.\n");
        SortedMap<String, TaskData> tasks = TaskData.byTask(rows);
        if (tasks.isEmpty()) {
            md.append("\nNo completed cycles.\n");
        }
        for (TaskData t : tasks.values()) {
            appendTask(md, t);
        }
        appendFailures(md, rows);
        return md.toString();
    }

    private static void appendTask(StringBuilder md, TaskData t) {
        int finalLabeled = -1;
        for (String s : t.strategies()) {
            for (CycleResult r : t.finalRows(s).values()) {
                finalLabeled = Math.max(finalLabeled, r.labeled());
            }
        }
        md.append("\n## ").append(cell(t.task())).append("\n\n")
                .append("Metric: `").append(t.metricName()).append("`; final cycle ")
                .append(t.finalCycle()).append(" (labeled ").append(finalLabeled).append(").\n\n")
                .append("| strategy | trials | final ").append(cell(t.metricName()))
                .append(" | AULC | final loss-rank accuracy |\n")
                .append("|---|---:|---:|---:|---:|\n");
        for (String s : t.strategies()) {
            int complete = t.finalRows(s).size();
            int incomplete = t.trials(s).size() - complete;
            List<Double> lra = t.finalLossRankAccuracy(s);
            md.append("| ").append(cell(s))
                    .append(" | ").append(complete)
                    .append(incomplete > 0 ? " (+" + incomplete + " incomplete)" : "")
                    .append(" | ").append(Stats.meanStd(values(t.finalMetric(s))))
                    .append(" | ").append(Stats.meanStd(values(t.aulc(s))))
                    .append(" | ").append(lra.isEmpty() ? "—" : Stats.fmt(Stats.mean(lra)))
                    .append(" |\n");
        }
        appendPaired(md, t);
    }

    private static void appendPaired(StringBuilder md, TaskData t) {
        md.append("\n### Paired comparison against `random`\n\n");
        if (!t.has(TaskData.RANDOM)) {
            md.append("No `random` strategy in this task: n/a.\n");
            return;
        }
        if (t.strategies().size() == 1) {
            md.append("No other strategy in this task: n/a.\n");
            return;
        }
        md.append("| strategy | pairs | Δ final (mean) | t (final) | Δ AULC (mean) | t (AULC) |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        SortedMap<Integer, Double> baseFinal = t.finalMetric(TaskData.RANDOM);
        SortedMap<Integer, Double> baseAulc = t.aulc(TaskData.RANDOM);
        for (String s : t.strategies()) {
            if (s.equals(TaskData.RANDOM)) {
                continue;
            }
            List<Double> dFinal = diffs(t.finalMetric(s), baseFinal);
            List<Double> dAulc = diffs(t.aulc(s), baseAulc);
            md.append("| ").append(cell(s)).append(" | ").append(dFinal.size())
                    .append(" | ").append(pairedMean(dFinal))
                    .append(" | ").append(Stats.fmt(Stats.pairedT(dFinal)))
                    .append(" | ").append(pairedMean(dAulc))
                    .append(" | ").append(Stats.fmt(Stats.pairedT(dAulc)))
                    .append(" |\n");
        }
    }

    private static void appendFailures(StringBuilder md, List<CycleResult> rows) {
        List<CycleResult> failed = new ArrayList<>();
        for (CycleResult r : rows) {
            if (!TaskData.usable(r)) {
                failed.add(r);
            }
        }
        md.append("\n## Failed cycles\n\n");
        if (failed.isEmpty()) {
            md.append("None.\n");
            return;
        }
        md.append("| task | strategy | trial | cycle | labeled | status |\n")
                .append("|---|---|---:|---:|---:|---|\n");
        for (CycleResult r : failed) {
            md.append("| ").append(cell(r.task())).append(" | ").append(cell(r.strategy()))
                    .append(" | ").append(r.trial()).append(" | ").append(r.cycle())
                    .append(" | ").append(r.labeled()).append(" | ").append(cell(r.isOk() ? "ok, but no metric value" : r.status()))
                    .append(" |\n");
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

    private static String pairedMean(List<Double> d) {
        return d.size() < 2 ? "n/a" : Stats.fmt(Stats.mean(d));
    }

    private static List<Double> values(SortedMap<Integer, Double> m) {
        return new ArrayList<>(m.values());
    }

    /** Escapes text for a Markdown table cell (pipes, line breaks). */
    static String cell(String s) {
        return s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}

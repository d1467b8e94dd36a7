package org.ll4al.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.ll4al.results.CycleResult;

/** Writes {@code summary.md}: per-task tables of final metric, AULC and comparisons to random. */
public final class Summary {

    /** Name of the summary file written into the output folder. */
    public static final String FILE = "summary.md";

    /** File-name prefix of a task's learning curve (as {@link LearningCurves} writes it). */
    static final String CURVE = "learning_curve_";
    /** File-name prefix of a task's selection diagnostics chart (as {@link DiagnosticsChart} writes it). */
    static final String DIAGNOSTICS = "selection_diagnostics_";

    private Summary() {}

    /**
     * Writes {@code outDir/summary.md} for the given rows and returns its path.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static Path write(List<CycleResult> rows, Path outDir) {
        return write(rows, Set.of(), outDir);
    }

    /**
     * Writes {@code outDir/summary.md}, labelling the control strategies, and returns its path.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static Path write(List<CycleResult> rows, Set<String> controls, Path outDir) {
        return write(rows, controls, outDir, List.of());
    }

    /**
     * Writes {@code outDir/summary.md}, labelling the control strategies, with an image link to
     * each of the given charts that belongs to a task of the summary (by file name:
     * {@code learning_curve_<task>.png}, {@code selection_diagnostics_<task>.png}); charts
     * outside {@code outDir} are not linked. Returns the summary's path.
     *
     * @param charts the chart files written beside the summary (others, such as SVGs, are ignored)
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static Path write(List<CycleResult> rows, Set<String> controls, Path outDir, List<Path> charts) {
        Path file = outDir.resolve(FILE);
        Set<String> beside = new HashSet<>();
        for (Path c : charts) {
            Path parent = c.toAbsolutePath().normalize().getParent();
            if (parent != null && parent.equals(outDir.toAbsolutePath().normalize())) {
                beside.add(c.getFileName().toString());
            }
        }
        try {
            Files.createDirectories(outDir);
            Files.writeString(file, render(rows, controls, beside), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write summary: " + e, e);
        }
        return file;
    }

    /** Renders the Markdown summary of the given rows (ok rows in tables, others listed). */
    public static String render(List<CycleResult> rows) {
        return render(rows, Set.of());
    }

    /** Renders the Markdown summary, labelling the control strategies (they read the labels). */
    public static String render(List<CycleResult> rows, Set<String> controls) {
        return render(rows, controls, Set.of());
    }

    /**
     * Renders the Markdown summary, labelling the control strategies and linking, per task, the
     * charts among {@code charts} (file names in the summary's folder) that are the task's
     * learning curve ({@value #CURVE}{@code <task>.png}) or selection diagnostics
     * ({@value #DIAGNOSTICS}{@code <task>.png}).
     */
    static String render(List<CycleResult> rows, Set<String> controls, Set<String> charts) {
        StringBuilder md = new StringBuilder("# Active learning summary\n\n");
        md.append("Numbers are mean ± sample std over trials. A trial counts when its final cycle ")
                .append("completed. AULC = area under the learning curve (trapezoid over the labeled ")
                .append("count) divided by the labeled-count range, i.e. a mean metric. Loss-rank accuracy: ")
                .append("the loss module's pair-ranking accuracy on the evaluation set (0.5 = chance), and on ")
                .append("the images the final cycle trained on (far above the first when the module learned ")
                .append("those images' losses rather than losses in general). Paired ")
                .append("comparisons use trials both strategies completed; t = mean difference / ")
                .append("(std / sqrt(pairs)), n/a with fewer than 2 pairs; p = two-sided p-value of ")
                .append("the paired t test (Student t, pairs - 1 degrees of freedom); 95% CI = mean difference ± ")
                .append("t(0.975, pairs - 1) · std / sqrt(pairs), the range of true differences the trials do not ")
                .append("rule out. With 3 trials only a ")
                .append("large, consistent difference reaches p < 0.05: read p >= 0.05 as \"not ")
                .append("significant\", not as \"equal\".\n");
        SortedMap<String, TaskData> tasks = TaskData.byTask(rows, controls);
        if (tasks.isEmpty()) {
            md.append("\nNo completed cycles.\n");
        }
        for (TaskData t : tasks.values()) {
            appendTask(md, t, charts);
        }
        appendFailures(md, rows);
        return md.toString();
    }

    private static void appendTask(StringBuilder md, TaskData t, Set<String> charts) {
        int finalLabeled = -1;
        for (String s : t.strategies()) {
            for (CycleResult r : t.finalRows(s).values()) {
                finalLabeled = Math.max(finalLabeled, r.labeled());
            }
        }
        md.append("\n## ")
                .append(cell(t.task()))
                .append("\n\n")
                .append("Metric: `")
                .append(t.metricName())
                .append("`; final cycle ")
                .append(t.finalCycle())
                .append(" (labeled ")
                .append(finalLabeled)
                .append(").\n\n");
        appendCharts(md, t, charts);
        md.append("| strategy | trials | final ")
                .append(cell(t.metricName()))
                .append(" | AULC | final loss-rank accuracy | on its labeled set |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (String s : t.strategies()) {
            int complete = t.finalRows(s).size();
            int incomplete = t.trials(s).size() - complete;
            List<Double> lra = t.finalLossRankAccuracy(s);
            List<Double> labeled = t.finalLabeledLossRankAccuracy(s);
            md.append("| ")
                    .append(cell(t.label(s)))
                    .append(" | ")
                    .append(complete)
                    .append(incomplete > 0 ? " (+" + incomplete + " incomplete)" : "")
                    .append(" | ")
                    .append(Stats.meanStd(values(t.finalMetric(s))))
                    .append(" | ")
                    .append(Stats.meanStd(values(t.aulc(s))))
                    .append(" | ")
                    .append(lra.isEmpty() ? "—" : Stats.fmt(Stats.mean(lra)))
                    .append(" | ")
                    .append(labeled.isEmpty() ? "—" : Stats.fmt(Stats.mean(labeled)))
                    .append(" |\n");
        }
        appendAgreement(md, t);
        appendEntropyRanking(md, t);
        PairedComparison.append(md, t);
        SecondaryFigures.append(md, t);
        appendDiagnostics(md, t);
    }

    /** Image links to the task's charts written beside the summary, a paragraph each. */
    private static void appendCharts(StringBuilder md, TaskData t, Set<String> charts) {
        String curve = CURVE + t.fileName() + ".png";
        String diagnostics = DIAGNOSTICS + t.fileName() + ".png";
        if (charts.contains(curve)) {
            md.append("![")
                    .append(alt(t.task()))
                    .append(": learning curves](")
                    .append(curve)
                    .append(")\n\n");
        }
        if (charts.contains(diagnostics)) {
            md.append("![")
                    .append(alt(t.task()))
                    .append(": selection diagnostics](")
                    .append(diagnostics)
                    .append(")\n\n");
        }
    }

    /** Text safe inside an image link's brackets. */
    private static String alt(String s) {
        return s.replaceAll("[\\[\\]\\\\\r\n]", " ");
    }

    /** The committee's loss agreement, a reference for the loss module's ranking, when recorded. */
    private static void appendAgreement(StringBuilder md, TaskData t) {
        for (String s : t.strategies()) {
            List<Double> a = t.finalCommitteeLossAgreement(s);
            if (!a.isEmpty()) {
                md.append("\nReference for the loss-rank accuracy (")
                        .append(cell(t.label(s)))
                        .append("): the committee's other members, trained on the same labels from their own ")
                        .append("seeds, rank the main model's evaluation losses by their own losses at ")
                        .append(Stats.fmt(Stats.mean(a)))
                        .append(" at the final cycle (mean over members and ")
                        .append(a.size())
                        .append(a.size() == 1 ? " trial" : " trials")
                        .append("; `committee_loss_agreement`).\n");
            }
        }
    }

    /** The model's own entropy as a label-free ranking of its losses, per strategy, when recorded. */
    private static void appendEntropyRanking(StringBuilder md, TaskData t) {
        List<String> parts = new ArrayList<>();
        for (String s : t.strategies()) {
            List<Double> e = t.finalEntropyLossRankAccuracy(s);
            if (!e.isEmpty()) {
                parts.add(cell(t.label(s)) + " " + Stats.fmt(Stats.mean(e)));
            }
        }
        if (!parts.isEmpty()) {
            md.append("\nLabel-free reference for the loss-rank accuracy: each final model's own predictive entropy")
                    .append(" (the `entropy` strategy's score; ties count half) ranks its evaluation losses at ")
                    .append(String.join(", ", parts))
                    .append(" (mean over trials; `entropy_loss_rank_accuracy`).\n");
        }
    }

    private static void appendDiagnostics(StringBuilder md, TaskData t) {
        List<String> lines = new ArrayList<>();
        for (String s : t.strategies()) {
            String ratio = diagnostic(t, s, r -> r.diagnostics().pickedLossRatio());
            String rank = diagnostic(t, s, r -> r.diagnostics().subsetLossRankAccuracy());
            String entropy = diagnostic(t, s, r -> r.diagnostics().pickedLabelEntropy());
            if (!(ratio + rank + entropy).equals("———")) {
                lines.add("| " + cell(t.label(s)) + " | " + ratio + " | " + rank + " | " + entropy + " |\n");
            }
        }
        if (lines.isEmpty()) {
            return; // rows written before selection diagnostics existed
        }
        md.append("\n### Selection diagnostics\n\n")
                .append("Mean over every selection of every trial (first selection → last, each a mean over ")
                .append("trials). Loss ratio: mean true loss of the picks / mean over the scored subset (> 1: ")
                .append("harder than average). Ranking: the loss module's pair-ranking accuracy on the scored ")
                .append("subset (0.5 = chance). Entropy: class entropy of the picks / log(classes) (1 = balanced).\n\n")
                .append("| strategy | loss ratio | subset ranking accuracy | class entropy |\n")
                .append("|---|---:|---:|---:|\n");
        lines.forEach(md::append);
    }

    /** "mean (first → last)" of a diagnostic over the ok cycles that selected, or — when none has it. */
    private static String diagnostic(TaskData t, String strategy, ToDoubleFunction<CycleResult> f) {
        SortedMap<Integer, List<Double>> byCycle = new TreeMap<>();
        t.trials(strategy)
                .values()
                .forEach(cycles -> cycles.values().forEach(r -> {
                    double v = f.applyAsDouble(r);
                    if (!Double.isNaN(v)) {
                        byCycle.computeIfAbsent(r.cycle(), k -> new ArrayList<>())
                                .add(v);
                    }
                }));
        if (byCycle.isEmpty()) {
            return "—";
        }
        List<Double> all = new ArrayList<>();
        byCycle.values().forEach(all::addAll);
        String first = Stats.fmt(Stats.mean(byCycle.get(byCycle.firstKey())));
        String last = Stats.fmt(Stats.mean(byCycle.get(byCycle.lastKey())));
        return Stats.fmt(Stats.mean(all)) + " (" + first + " → " + last + ")";
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
        md.append("| task | strategy | trial | cycle | labeled | status |\n").append("|---|---|---:|---:|---:|---|\n");
        for (CycleResult r : failed) {
            md.append("| ")
                    .append(cell(r.task()))
                    .append(" | ")
                    .append(cell(r.strategy()))
                    .append(" | ")
                    .append(r.trial())
                    .append(" | ")
                    .append(r.cycle())
                    .append(" | ")
                    .append(r.labeled())
                    .append(" | ")
                    .append(cell(r.isOk() ? "ok, but no metric value" : r.status()))
                    .append(" |\n");
        }
    }

    private static List<Double> values(SortedMap<Integer, Double> m) {
        return new ArrayList<>(m.values());
    }

    /** Escapes text for a Markdown table cell (pipes, line breaks). */
    static String cell(String s) {
        return s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}

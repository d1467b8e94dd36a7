package org.ll4al.harness.run;

import java.io.PrintStream;
import org.ll4al.results.SelectionDiagnostics;
import org.ll4al.tasks.training.Evaluation;

/** Prints one line per recorded cycle: metric, loss-ranking accuracies, times, the picks' diagnostics, memory. */
final class CycleReport implements CycleListener {

    private final PrintStream out;
    private final String metricName;

    CycleReport(PrintStream out, String metricName) {
        this.out = out;
        this.metricName = metricName;
    }

    @Override
    public void afterRecord(CycleOutcome c) {
        Evaluation eval = c.eval();
        out.printf(
                "%s %s %.4f%s  loss-rank accuracy %.3f (labeled set %.3f%s%s)  train %.0fs (%.1f img/s)  select %.1fs%s"
                        + "  rss %d MiB%n",
                c.label(),
                metricName,
                eval.metric(),
                eval.details().isEmpty() ? "" : " (" + eval.details() + ")",
                eval.lossRankAccuracy(),
                c.labeledRank(),
                Double.isNaN(eval.entropyLossRankAccuracy())
                        ? ""
                        : String.format(", entropy %.3f", eval.entropyLossRankAccuracy()),
                Double.isNaN(c.agreement()) ? "" : String.format(", committee's own losses %.3f", c.agreement()),
                c.stats().seconds(),
                c.stats().imagesPerSecond(),
                c.selectSeconds(),
                describe(c.diagnostics()),
                Memory.rssMiB());
    }

    private static String describe(SelectionDiagnostics d) {
        if (!d.recorded()) {
            return "";
        }
        return String.format(
                "  picks: loss x%.2f of subset mean, subset loss-rank acc %.3f, label entropy %.3f",
                d.pickedLossRatio(), d.subsetLossRankAccuracy(), d.pickedLabelEntropy());
    }
}

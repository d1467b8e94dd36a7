package org.ll4al.harness.run;

import java.io.PrintStream;
import org.ll4al.tasks.training.EpochListener;

/**
 * Progress output: a redrawn bar with ETA on a terminal, one plain line per epoch otherwise
 * (CI logs). One instance per (strategy, trial, cycle).
 */
public final class Progress implements EpochListener {

    private final PrintStream out;
    private final boolean terminal;
    private final String label;
    private final long start = System.nanoTime();

    public Progress(PrintStream out, boolean terminal, String label) {
        this.out = out;
        this.terminal = terminal;
        this.label = label;
    }

    @Override
    public void onBatch(int epoch, int batch, int batchesPerEpoch) {
        if (terminal && batch % 5 == 0) {
            out.print("\r" + label + " epoch " + (epoch + 1) + " batch " + batch + "/" + batchesPerEpoch + "   ");
            out.flush();
        }
    }

    @Override
    public void onEpoch(int epoch, int epochs, double taskLoss, double lossPredictionLoss) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        double eta = elapsed / (epoch + 1) * (epochs - epoch - 1);
        String line = String.format(
                "%s epoch %d/%d %s task loss %.4f  loss-prediction loss %.4f  %.0fs, ETA %.0fs",
                label, epoch + 1, epochs, bar(epoch + 1, epochs), taskLoss, lossPredictionLoss, elapsed, eta);
        if (terminal) {
            out.print("\r" + line + (epoch + 1 == epochs ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    public static String bar(int done, int total) {
        int width = 20;
        int filled = total == 0 ? width : (int) Math.round(width * (double) done / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }
}

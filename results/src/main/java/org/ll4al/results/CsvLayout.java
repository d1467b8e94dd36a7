package org.ll4al.results;

import java.util.List;
import org.apache.commons.csv.CSVFormat;

/** Column layout and format of the result CSV files, shared by writer and reader. */
final class CsvLayout {

    static final String CYCLES_FILE = "cycles.csv";
    static final String SELECTIONS_FILE = "selections.csv";
    static final String MANIFEST_FILE = "run.json";
    static final String SAMPLE_LOSSES_FILE = "sample_losses.csv";

    static final List<String> CYCLE_COLUMNS =
            List.of(
                    "task",
                    "strategy",
                    "trial",
                    "seed",
                    "cycle",
                    "labeled",
                    "metric_name",
                    "metric_value",
                    "loss_rank_accuracy",
                    "train_seconds",
                    "select_seconds",
                    "status",
                    "picked_loss_ratio",
                    "subset_loss_rank_accuracy",
                    "picked_label_entropy",
                    "labeled_loss_rank_accuracy",
                    "committee_loss_agreement",
                    "entropy_loss_rank_accuracy");

    /** The columns of files written before selection diagnostics existed; such files still read. */
    static final List<String> CYCLE_COLUMNS_REQUIRED = CYCLE_COLUMNS.subList(0, 12);

    static final List<String> SELECTION_COLUMNS =
            List.of("task", "strategy", "trial", "cycle", "sample_id", "score");

    static final List<String> SAMPLE_LOSS_COLUMNS =
            List.of("strategy", "trial", "cycle", "set", "sample", "true_loss", "predicted_loss");

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private CsvLayout() {}

    /** Formats a double for CSV: empty for NaN, shortest round-trip text otherwise. */
    static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** Parses a CSV number written by {@link #num}. */
    static double parseNum(String s) {
        return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}

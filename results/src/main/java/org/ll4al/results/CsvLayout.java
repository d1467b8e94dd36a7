package org.ll4al.results;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ToDoubleFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** Column layout and format of the result CSV files, shared by writer and reader. */
final class CsvLayout {

    static final String CYCLES_FILE = "cycles.csv";
    static final String SELECTIONS_FILE = "selections.csv";
    static final String MANIFEST_FILE = "run.json";
    static final String SAMPLE_LOSSES_FILE = "sample_losses.csv";

    /**
     * One column of {@code cycles.csv}.
     *
     * @param name its header
     * @param text its text in a row
     * @param parse sets a row's builder from its text
     */
    record CycleColumn(
            String name, Function<CycleResult, String> text, BiConsumer<CycleResult.Builder, String> parse) {}

    /** The columns of {@code cycles.csv}, in file order: the one table the writer and the reader use. */
    static final List<CycleColumn> CYCLE_TABLE = List.of(
            new CycleColumn("task", CycleResult::task, CycleResult.Builder::task),
            new CycleColumn("strategy", CycleResult::strategy, CycleResult.Builder::strategy),
            new CycleColumn("trial", r -> Integer.toString(r.trial()), (b, s) -> b.trial(Integer.parseInt(s))),
            new CycleColumn("seed", r -> Long.toString(r.seed()), (b, s) -> b.seed(Long.parseLong(s))),
            new CycleColumn("cycle", r -> Integer.toString(r.cycle()), (b, s) -> b.cycle(Integer.parseInt(s))),
            new CycleColumn("labeled", r -> Integer.toString(r.labeled()), (b, s) -> b.labeled(Integer.parseInt(s))),
            new CycleColumn("metric_name", CycleResult::metricName, CycleResult.Builder::metricName),
            number("metric_value", CycleResult::metricValue, CycleResult.Builder::metricValue),
            number("loss_rank_accuracy", CycleResult::lossRankAccuracy, CycleResult.Builder::lossRankAccuracy),
            number("train_seconds", CycleResult::trainSeconds, CycleResult.Builder::trainSeconds),
            number("select_seconds", CycleResult::selectSeconds, CycleResult.Builder::selectSeconds),
            new CycleColumn("status", CycleResult::status, CycleResult.Builder::status),
            number("picked_loss_ratio", r -> r.diagnostics().pickedLossRatio(), CycleResult.Builder::pickedLossRatio),
            number(
                    "subset_loss_rank_accuracy",
                    r -> r.diagnostics().subsetLossRankAccuracy(),
                    CycleResult.Builder::subsetLossRankAccuracy),
            number(
                    "picked_label_entropy",
                    r -> r.diagnostics().pickedLabelEntropy(),
                    CycleResult.Builder::pickedLabelEntropy),
            number(
                    "labeled_loss_rank_accuracy",
                    CycleResult::labeledLossRankAccuracy,
                    CycleResult.Builder::labeledLossRankAccuracy),
            number(
                    "committee_loss_agreement",
                    CycleResult::committeeLossAgreement,
                    CycleResult.Builder::committeeLossAgreement),
            number(
                    "entropy_loss_rank_accuracy",
                    CycleResult::entropyLossRankAccuracy,
                    CycleResult.Builder::entropyLossRankAccuracy),
            new CycleColumn("metric_details", CycleResult::metricDetails, CycleResult.Builder::metricDetails));

    /** The headers of {@link #CYCLE_TABLE}. */
    static final List<String> CYCLE_COLUMNS =
            CYCLE_TABLE.stream().map(CycleColumn::name).toList();

    /** The columns of files written before selection diagnostics existed; such files still read. */
    static final List<String> CYCLE_COLUMNS_REQUIRED = CYCLE_COLUMNS.subList(0, 12);

    static final List<String> SELECTION_COLUMNS = List.of("task", "strategy", "trial", "cycle", "sample_id", "score");

    static final List<String> SAMPLE_LOSS_COLUMNS =
            List.of("strategy", "trial", "cycle", "set", "sample", "true_loss", "predicted_loss");

    static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private CsvLayout() {}

    /** Formats a double for CSV: empty for NaN, shortest round-trip text otherwise. */
    static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static CycleColumn number(
            String name, ToDoubleFunction<CycleResult> value, ObjDoubleConsumer<CycleResult.Builder> set) {
        return new CycleColumn(name, r -> num(value.applyAsDouble(r)), (b, s) -> set.accept(b, parseNum(s)));
    }

    /** A parser of a CSV file whose first line is its header. */
    static CSVParser parseWithHeader(Reader in) throws IOException {
        return FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
    }

    /** Parses a CSV number written by {@link #num}. */
    static double parseNum(String s) {
        return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}

package org.ll4al.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** cycles.csv files written before a column existed: they read as unmeasured and are upgraded on resume. */
class OlderCyclesFilesTest {

    private static final String FIRST_COLUMNS = "task,strategy,trial,seed,cycle,labeled,metric_name,metric_value,"
            + "loss_rank_accuracy,train_seconds,select_seconds,status";

    @TempDir
    Path dir;

    /** A detection row of trial 0 at cycle 1 (300 labels, mAP 0.2, ranking 0.56); the rest to add. */
    private static CycleResult.Builder detection(String strategy) {
        return CycleResult.builder()
                .task("detection")
                .strategy(strategy)
                .trial(0)
                .seed(42L)
                .cycle(1)
                .labeled(300)
                .metric("mAP", 0.2)
                .lossRankAccuracy(0.56)
                .seconds(1, 2);
    }

    @Test
    void aFileWithoutDiagnosticColumnsReadsAndIsUpgradedWhenReopened() throws Exception {
        Files.writeString(
                dir.resolve("cycles.csv"),
                FIRST_COLUMNS + "\n" + "classification,lloss,0,42,0,1000,top1_accuracy,0.5,0.6,1.0,2.0,ok\n");
        CycleResult r = ResultsReader.cycles(dir).get(0);
        assertEquals(0.5, r.metricValue());
        assertEquals(SelectionDiagnostics.NONE, r.diagnostics());
        // resuming into the old folder: the header is rewritten so appended rows match it
        ResultsStore.open(dir)
                .appendCycle(
                        CycleResult.builder()
                                .task("classification")
                                .strategy("lloss")
                                .trial(0)
                                .seed(42L)
                                .cycle(1)
                                .labeled(2000)
                                .metric("top1_accuracy", 0.6)
                                .lossRankAccuracy(0.6)
                                .seconds(1, 2)
                                .diagnostics(new SelectionDiagnostics(2, 0.7, 0.9))
                                .build(),
                        List.of());
        List<String> lines = Files.readAllLines(dir.resolve("cycles.csv"));
        assertTrue(lines.get(0)
                .endsWith(
                        ",status,picked_loss_ratio,subset_loss_rank_accuracy,picked_label_entropy,labeled_loss_rank_accuracy"
                                + ",committee_loss_agreement,entropy_loss_rank_accuracy,metric_details"));
        assertEquals("classification,lloss,0,42,0,1000,top1_accuracy,0.5,0.6,1.0,2.0,ok,,,,,,,", lines.get(1));
        assertEquals(2, ResultsReader.cycles(dir).size());
        assertEquals(0.9, ResultsReader.cycles(dir).get(1).diagnostics().pickedLabelEntropy());
    }

    /** A column added after labeled_loss_rank_accuracy: how to set it and read it, and the strategy that fills it. */
    record LaterColumn(
            String name,
            String strategy,
            BiFunction<CycleResult.Builder, Double, CycleResult.Builder> set,
            ToDoubleFunction<CycleResult> get) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<LaterColumn> laterColumns() {
        return List.of(
                new LaterColumn(
                        "committee_loss_agreement",
                        "committee",
                        CycleResult.Builder::committeeLossAgreement,
                        CycleResult::committeeLossAgreement),
                new LaterColumn(
                        "entropy_loss_rank_accuracy",
                        "entropy",
                        CycleResult.Builder::entropyLossRankAccuracy,
                        CycleResult::entropyLossRankAccuracy));
    }

    @ParameterizedTest
    @MethodSource("laterColumns")
    void aColumnAddedLaterRoundTripsAndOlderRowsReadAsUnmeasured(LaterColumn column) throws Exception {
        String header = CsvLayout.CYCLE_COLUMNS.stream()
                .takeWhile(c -> !c.equals(column.name()))
                .collect(Collectors.joining(","));
        String values = "detection," + column.strategy() + ",0,42,0,200,mAP,0.1,0.55,1.0,2.0,ok,1.1,0.52,0.9,0.7";
        int blanks = header.split(",").length - values.split(",").length;
        Files.writeString(dir.resolve("cycles.csv"), header + "\n" + values + ",".repeat(blanks) + "\n");
        assertTrue(Double.isNaN(
                column.get().applyAsDouble(ResultsReader.cycles(dir).get(0))));
        CycleResult next = column.set()
                .apply(detection(column.strategy()).labeledLossRankAccuracy(0.8), 0.625)
                .build();
        ResultsStore.open(dir).appendCycle(next, List.of());
        List<CycleResult> back = ResultsReader.cycles(dir);
        assertEquals(0.7, back.get(0).labeledLossRankAccuracy(), "the old row keeps its values");
        assertEquals(next, back.get(1));
        assertEquals(0.625, column.get().applyAsDouble(back.get(1)));
        CycleResult.Builder differs =
                column.set().apply(detection(column.strategy()).labeledLossRankAccuracy(0.8), 0.6);
        assertFalse(next.sameOutcome(differs.build()));
        assertTrue(
                next.sameOutcome(detection(column.strategy())
                        .labeledLossRankAccuracy(0.8)
                        .build()),
                "an unmeasured value is not a difference");
    }

    @Test
    void theLabeledSetRankingRoundTripsAndAFileWithoutItIsUpgraded() throws Exception {
        Files.writeString(
                dir.resolve("cycles.csv"),
                FIRST_COLUMNS + ",picked_loss_ratio,subset_loss_rank_accuracy,picked_label_entropy\n"
                        + "detection,lloss,0,42,0,200,mAP,0.1,0.55,1.0,2.0,ok,1.1,0.52,0.9\n");
        assertTrue(Double.isNaN(ResultsReader.cycles(dir).get(0).labeledLossRankAccuracy()));
        SelectionDiagnostics picks = new SelectionDiagnostics(1.2, 0.53, 0.8);
        CycleResult next = detection("lloss")
                .diagnostics(picks)
                .labeledLossRankAccuracy(0.81)
                .build();
        ResultsStore.open(dir).appendCycle(next, List.of());
        List<CycleResult> back = ResultsReader.cycles(dir);
        assertEquals(0.52, back.get(0).diagnostics().subsetLossRankAccuracy(), "the old row keeps its values");
        assertTrue(Double.isNaN(back.get(0).labeledLossRankAccuracy()));
        assertEquals(next, back.get(1));
        CycleResult other = detection("lloss")
                .seconds(9, 9)
                .diagnostics(picks)
                .labeledLossRankAccuracy(0.80)
                .build();
        CycleResult unmeasured =
                detection("lloss").seconds(9, 9).diagnostics(picks).build();
        assertFalse(next.sameOutcome(other), "a different labeled-set ranking is a different outcome");
        assertTrue(
                next.sameOutcome(unmeasured) && unmeasured.sameOutcome(next), "a row without it is no contradiction");
    }
}

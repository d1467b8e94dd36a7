package org.ll4al.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {

    @TempDir
    Path dir;

    private static CycleResult row(String strategy, int trial, int cycle, double metric, double rank) {
        return CycleResult.builder()
                .task("classification")
                .strategy(strategy)
                .trial(trial)
                .seed(42L)
                .cycle(cycle)
                .labeled(1000 * (cycle + 1))
                .metric("top1_accuracy", metric)
                .lossRankAccuracy(rank)
                .seconds(12.5, 0.25)
                .build();
    }

    @Test
    void theColumnTableWritesAndReadsEveryComponentOfARow() {
        CycleResult full = CycleResult.builder()
                .task("pose")
                .strategy("badge")
                .trial(3)
                .seed(-7L)
                .cycle(4)
                .labeled(123)
                .metric("pckh", 0.25)
                .lossRankAccuracy(0.5)
                .seconds(1.5, 2.5)
                .status("failed: x, y")
                .diagnostics(new SelectionDiagnostics(1.25, 0.75, 0.125))
                .labeledLossRankAccuracy(0.625)
                .committeeLossAgreement(0.375)
                .entropyLossRankAccuracy(0.875)
                .metricDetails("pckh@0.5 0.1052, \"quoted\"")
                .build();
        ResultsStore.open(dir).appendCycle(full, List.of());
        assertEquals(List.of(full), ResultsReader.cycles(dir));
        assertEquals(
                CsvLayout.CYCLE_COLUMNS.size(),
                CycleResult.class.getRecordComponents().length + 2,
                "one column per component, the diagnostics' three included");
    }

    @Test
    void roundTripsEveryField() {
        ResultsStore s = ResultsStore.open(dir);
        CycleResult a = row("lloss", 0, 0, 0.5123, 0.71);
        CycleResult b = row("random", 1, 0, 0.49, Double.NaN);
        List<SelectionRecord> picks = List.of(
                new SelectionRecord("classification", "lloss", 0, 0, 17, 3.25),
                new SelectionRecord("classification", "lloss", 0, 0, 4, Double.NaN));
        s.appendCycle(a, picks);
        s.appendCycle(b, List.of());
        assertEquals(List.of(a, b), ResultsReader.cycles(dir));
        assertEquals(picks, ResultsReader.selections(dir));
        assertTrue(Double.isNaN(ResultsReader.cycles(dir).get(1).lossRankAccuracy()));
    }

    @Test
    void readsGzippedSelectionsAndRefusesToAppendBesideThem() throws Exception {
        ResultsStore s = ResultsStore.open(dir);
        List<SelectionRecord> picks = List.of(
                new SelectionRecord("classification", "lloss", 0, 0, 17, 3.25),
                new SelectionRecord("classification", "random", 1, 2, 4, Double.NaN));
        s.appendCycle(row("lloss", 0, 0, 0.5, 0.6), picks);
        Path csv = dir.resolve("selections.csv");
        Path gz = dir.resolve("selections.csv.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(csv));
        }
        String both = assertThrows(ResultsException.class, () -> ResultsReader.selections(dir))
                .getMessage();
        assertTrue(both.contains("selections.csv") && both.contains("selections.csv.gz"), both);
        Files.delete(csv);
        assertEquals(picks, ResultsReader.selections(dir));
        String open = assertThrows(ResultsException.class, () -> ResultsStore.open(dir))
                .getMessage();
        assertTrue(open.contains("selections.csv.gz") && open.contains("seed-from-published.sh"), open);
        assertFalse(Files.exists(csv), "refused before writing anything");
        Files.writeString(gz, "not gzip");
        String bad = assertThrows(ResultsException.class, () -> ResultsReader.selections(dir))
                .getMessage();
        assertTrue(bad.contains(gz.toString()), bad);
    }

    @Test
    void diagnosticsRoundTrip() {
        ResultsStore s = ResultsStore.open(dir);
        CycleResult a = TestRows.lloss0(0.7)
                .diagnostics(new SelectionDiagnostics(1.25, 0.55, Double.NaN))
                .build();
        s.appendCycle(a, List.of());
        CycleResult back = ResultsReader.cycles(dir).get(0);
        assertEquals(a, back);
        assertTrue(back.diagnostics().recorded());
    }

    @Test
    void aRowWithoutDiagnosticsAgreesWithOneThatHasThem() {
        CycleResult without = row("lloss", 0, 0, 0.5, 0.7);
        CycleResult with = TestRows.lloss0(0.7)
                .diagnostics(new SelectionDiagnostics(2, 0.7, 0.9))
                .build();
        CycleResult other = TestRows.lloss0(0.7)
                .diagnostics(new SelectionDiagnostics(2, 0.7, 0.8))
                .build();
        assertTrue(without.sameOutcome(with) && with.sameOutcome(without));
        assertFalse(with.sameOutcome(other));
    }

    @Test
    void reopeningDropsAHalfWrittenLineAndOrphanSelections() throws Exception {
        ResultsStore s = ResultsStore.open(dir);
        s.appendCycle(
                row("lloss", 0, 0, 0.5, 0.7), List.of(new SelectionRecord("classification", "lloss", 0, 0, 3, 1.0)));
        // a kill during the next cycle: its selections landed, its cycle row only half
        Files.writeString(dir.resolve("selections.csv"), "classification,lloss,0,1,9,2.0\n", StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("cycles.csv"), "classification,lloss,0,42,1,20", StandardOpenOption.APPEND);
        ResultsStore again = ResultsStore.open(dir);
        assertEquals(1, again.cycles().size());
        assertEquals(List.of(new SelectionRecord("classification", "lloss", 0, 0, 3, 1.0)), again.selections());
        assertTrue(Files.readString(dir.resolve("cycles.csv"), StandardCharsets.UTF_8)
                .endsWith("\n"));
        again.appendCycle(row("lloss", 0, 1, 0.6, 0.7), List.of());
        assertEquals(2, ResultsReader.cycles(dir).size());
    }

    @Test
    void manifestRoundTripAndDifferences() {
        ResultsStore s = ResultsStore.open(dir);
        RunManifest m = new RunManifest(Map.of("epochs", "200", "out", "a", "lr", "0.1"), Map.of("device", "cpu()"));
        m.setStarted("2026-11-23T10:00Z");
        s.writeManifest(m);
        RunManifest back = ResultsReader.manifest(dir);
        assertEquals(m.config(), back.config());
        assertEquals("2026-11-23T10:00Z", back.started());
        RunManifest other = new RunManifest(Map.of("epochs", "100", "out", "b", "lr", "0.1"), Map.of());
        assertEquals(List.of("epochs: 200 -> 100"), back.differences(other, Set.of("out")));
    }

    @Test
    void malformedFilesAreNamed() throws Exception {
        Files.writeString(dir.resolve("run.json"), "{ not json");
        ResultsException e = assertThrows(ResultsException.class, () -> ResultsReader.manifest(dir));
        assertTrue(e.getMessage().contains("run.json"), e.getMessage());
        Files.writeString(dir.resolve("cycles.csv"), "task,strategy\nx,y\n");
        e = assertThrows(ResultsException.class, () -> ResultsReader.cycles(dir));
        assertTrue(e.getMessage().contains("cycles.csv"), e.getMessage());
    }

    @Test
    void unwritableFolderIsAClearError() throws Exception {
        Path file = dir.resolve("afile");
        Files.writeString(file, "x");
        ResultsException e = assertThrows(ResultsException.class, () -> ResultsStore.open(file.resolve("sub")));
        assertTrue(e.getMessage().contains("afile"), e.getMessage());
    }
}

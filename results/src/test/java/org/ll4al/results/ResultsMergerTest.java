package org.ll4al.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class ResultsMergerTest {

    @TempDir
    Path tmp;

    private static final String OLD_HEADER = "task,strategy,trial,seed,cycle,labeled,metric_name,metric_value,"
            + "loss_rank_accuracy,train_seconds,select_seconds,status\n";

    /** An ok row; {@code seconds} is the wall time, which merging does not compare. */
    private static CycleResult row(String strategy, int trial, int cycle, double metric, double seconds) {
        return CycleResult.builder()
                .task("cls")
                .strategy(strategy)
                .trial(trial)
                .seed(10L + trial)
                .cycle(cycle)
                .labeled(100 * (cycle + 1))
                .metric("top1_accuracy", metric)
                .seconds(seconds, seconds / 10)
                .build();
    }

    private static SelectionRecord pick(String strategy, int trial, int cycle, int id, double score) {
        return new SelectionRecord("cls", strategy, trial, cycle, id, score);
    }

    private static void runJson(Path dir, Map<String, String> config) {
        ResultsStore.open(dir).writeManifest(new RunManifest(config, Map.of()));
    }

    @Test
    void mergesAnOldLayoutFolderWithANewOneKeepingTheDiagnostics() throws Exception {
        Path old = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(
                old.resolve("cycles.csv"),
                OLD_HEADER
                        + "classification,lloss,0,42,0,1000,top1_accuracy,0.5,0.6,1.0,2.0,ok\n"
                        + "classification,random,0,42,0,1000,top1_accuracy,0.5,0.6,1.0,2.0,ok\n");
        Path fresh = tmp.resolve("new");
        ResultsStore.open(fresh)
                .appendCycle(
                        TestRows.lloss0(0.6)
                                .diagnostics(new SelectionDiagnostics(1.5, 0.6, 0.9))
                                .build(),
                        List.of());
        Path out = tmp.resolve("merged");
        ResultsMerger.merge(List.of(old, fresh), out, Set.of());
        List<CycleResult> rows = ResultsReader.cycles(out);
        assertEquals(2, rows.size());
        CycleResult lloss = rows.stream()
                .filter(r -> r.strategy().equals("lloss"))
                .findFirst()
                .orElseThrow();
        assertEquals(1.5, lloss.diagnostics().pickedLossRatio());
        CycleResult random = rows.stream()
                .filter(r -> r.strategy().equals("random"))
                .findFirst()
                .orElseThrow();
        assertEquals(SelectionDiagnostics.NONE, random.diagnostics());
        assertEquals(
                rows,
                ResultsMerger.read(List.of(old, fresh), Set.of()).stream()
                        .sorted(Comparator.comparing(CycleResult::strategy))
                        .toList(),
                "read merges as merge does");
    }

    @Test
    void differingDiagnosticsAreAConflict() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        ResultsStore.open(a)
                .appendCycle(
                        TestRows.lloss0(0.6)
                                .diagnostics(new SelectionDiagnostics(1.5, 0.6, 0.9))
                                .build(),
                        List.of());
        ResultsStore.open(b)
                .appendCycle(
                        TestRows.lloss0(0.6)
                                .diagnostics(new SelectionDiagnostics(1.4, 0.6, 0.9))
                                .build(),
                        List.of());
        ResultsException e = assertThrows(
                ResultsException.class, () -> ResultsMerger.merge(List.of(a, b), tmp.resolve("m"), Set.of()));
        assertTrue(
                e.getMessage().contains("picked_loss_ratio=1.5")
                        && e.getMessage().contains("picked_loss_ratio=1.4"),
                e.getMessage());
    }

    @Test
    void agreeingRowsAndPicksOfTwoFoldersAreKeptOnceInOrder() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        ResultsStore sa = ResultsStore.open(a);
        sa.appendCycle(row("random", 1, 0, 0.52, 1.0), List.of(pick("random", 1, 0, 7, Double.NaN)));
        sa.appendCycle(
                row("random", 0, 0, 0.50, 1.0),
                List.of(pick("random", 0, 0, 3, Double.NaN), pick("random", 0, 0, 5, Double.NaN)));
        ResultsStore sb = ResultsStore.open(b);
        // the same cycle again (other wall times, picks in another order), then one more cycle
        sb.appendCycle(
                row("random", 0, 0, 0.50, 9.5),
                List.of(pick("random", 0, 0, 5, Double.NaN), pick("random", 0, 0, 3, Double.NaN)));
        sb.appendCycle(row("random", 0, 1, 0.60, 2.0), List.of());
        Path out = tmp.resolve("m");
        ResultsMerger.merge(List.of(a, b), out, Set.of());

        List<CycleResult> rows = ResultsReader.cycles(out);
        assertEquals(
                List.of(row("random", 0, 0, 0.50, 1.0), row("random", 0, 1, 0.60, 2.0), row("random", 1, 0, 0.52, 1.0)),
                rows,
                "sorted by (task, trial, strategy, cycle), first kept");
        assertEquals(
                List.of(
                        pick("random", 0, 0, 3, Double.NaN),
                        pick("random", 0, 0, 5, Double.NaN),
                        pick("random", 1, 0, 7, Double.NaN)),
                ResultsReader.selections(out),
                "picks of the kept rows, once");
        assertEquals(
                List.of(row("random", 1, 0, 0.52, 1.0), row("random", 0, 0, 0.50, 1.0), row("random", 0, 1, 0.60, 2.0)),
                ResultsMerger.read(List.of(a, b), Set.of()),
                "read: first seen order");

        Path twice = tmp.resolve("twice");
        ResultsMerger.merge(List.of(a, a), twice, Set.of());
        assertEquals(
                List.of(
                        pick("random", 0, 0, 3, Double.NaN),
                        pick("random", 0, 0, 5, Double.NaN),
                        pick("random", 1, 0, 7, Double.NaN)),
                ResultsReader.selections(twice),
                "a folder given twice counts once");
    }

    @Test
    void conflictingRowsNameBothFoldersTheKeyAndBothValues() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        ResultsStore.open(a).appendCycle(row("random", 0, 1, 0.6, 1.0), List.of());
        ResultsStore.open(b).appendCycle(row("random", 0, 1, 0.61, 1.0), List.of());
        for (var call : List.<Executable>of(
                () -> ResultsMerger.merge(List.of(a, b), tmp.resolve("m"), Set.of()),
                () -> ResultsMerger.read(List.of(a, b), Set.of()))) {
            String m = assertThrows(ResultsException.class, call).getMessage();
            assertTrue(m.contains("cannot merge " + a + " and " + b), m);
            assertTrue(m.contains("cycles.csv") && m.contains("task=cls, strategy=random, trial=0, cycle=1"), m);
            assertTrue(m.contains("top1_accuracy=0.6 ") && m.contains("top1_accuracy=0.61 "), m);
        }
        assertFalse(Files.exists(tmp.resolve("m")), "nothing written on refusal");

        Path one = tmp.resolve("one");
        ResultsStore s = ResultsStore.open(one);
        s.appendCycle(row("random", 0, 1, 0.6, 1.0), List.of());
        s.appendCycle(row("random", 0, 1, 0.7, 1.0), List.of());
        String m = assertThrows(ResultsException.class, () -> ResultsMerger.read(List.of(one), Set.of()))
                .getMessage();
        assertTrue(m.startsWith(one + ": two cycles.csv rows for (task=cls, strategy=random, trial=0, cycle=1)"), m);
    }

    @Test
    void differentPicksOfOneCycleAreAConflictNamingBothFolders() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        ResultsStore.open(a).appendCycle(row("entropy", 0, 0, 0.5, 1.0), List.of(pick("entropy", 0, 0, 3, 0.9)));
        ResultsStore.open(b).appendCycle(row("entropy", 0, 0, 0.5, 1.0), List.of(pick("entropy", 0, 0, 4, 0.9)));
        String m = assertThrows(
                        ResultsException.class, () -> ResultsMerger.merge(List.of(a, b), tmp.resolve("m"), Set.of()))
                .getMessage();
        assertTrue(m.contains("cannot merge " + a + " and " + b) && m.contains("selections.csv"), m);
        assertTrue(m.contains("task=cls, strategy=entropy, trial=0, cycle=0"), m);
        assertTrue(m.contains("sample_id=3") && m.contains("sample_id=4"), m);

        Path c = tmp.resolve("c");
        ResultsStore.open(c).appendCycle(row("entropy", 0, 0, 0.5, 1.0), List.of(pick("entropy", 0, 0, 3, 0.8)));
        m = assertThrows(ResultsException.class, () -> ResultsMerger.merge(List.of(a, c), tmp.resolve("m"), Set.of()))
                .getMessage();
        assertTrue(m.contains("score=0.9") && m.contains("score=0.8"), m);
    }

    @Test
    void aFailureAndItsRetryAreBothKept() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        CycleResult failed = CycleResult.builder()
                .task("cls")
                .strategy("lloss")
                .trial(0)
                .seed(10L)
                .cycle(1)
                .labeled(200)
                .metric("top1_accuracy", Double.NaN)
                .seconds(1.0, 0.0)
                .status("failed: out of memory")
                .build();
        ResultsStore.open(a).appendCycle(failed, List.of());
        ResultsStore.open(b).appendCycle(failed, List.of());
        ResultsStore.open(b).appendCycle(row("lloss", 0, 1, 0.6, 1.0), List.of());
        List<CycleResult> rows = ResultsMerger.read(List.of(a, b), Set.of());
        assertEquals(List.of(failed, row("lloss", 0, 1, 0.6, 1.0)), rows);
    }

    @Test
    void differentExperimentsAreRefusedNamingFoldersAndOptions() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        ResultsStore.open(a).appendCycle(row("random", 0, 0, 0.5, 1.0), List.of());
        ResultsStore.open(b).appendCycle(row("random", 1, 0, 0.5, 1.0), List.of());
        runJson(a, Map.of("cycles", "10", "out", "/x/a", "shard", "0/2"));
        runJson(b, Map.of("cycles", "5", "out", "/x/b", "shard", "1/2"));
        String m = assertThrows(ResultsException.class, () -> ResultsMerger.read(List.of(a, b), Set.of("out", "shard")))
                .getMessage();
        assertTrue(m.contains(a.toString()) && m.contains(b.toString()) && m.contains("cycles: 10 -> 5"), m);
        assertFalse(m.contains("out:") || m.contains("shard"), m);

        runJson(b, Map.of("cycles", "10", "out", "/x/b", "shard", "1/2"));
        Path out = tmp.resolve("m");
        ResultsMerger.merge(List.of(a, b), out, Set.of("out", "shard"));
        assertEquals("/x/a", ResultsReader.manifest(out).config().get("out"), "the first run.json is kept");
        assertEquals(2, ResultsReader.cycles(out).size());
    }

    @Test
    void missingFoldersFilesAndAnOccupiedTargetAreRefused() throws Exception {
        Path a = tmp.resolve("a");
        ResultsStore.open(a).appendCycle(row("random", 0, 0, 0.5, 1.0), List.of());
        Path nope = tmp.resolve("nope");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(
                "no results folder given",
                assertThrows(ResultsException.class, () -> ResultsMerger.read(List.of(), Set.of()))
                        .getMessage());
        assertEquals(
                "results folder " + nope + " does not exist",
                assertThrows(ResultsException.class, () -> ResultsMerger.read(List.of(a, nope), Set.of()))
                        .getMessage());
        assertEquals(
                "results folder " + empty + " has no cycles.csv",
                assertThrows(
                                ResultsException.class,
                                () -> ResultsMerger.merge(List.of(a, empty), tmp.resolve("m"), Set.of()))
                        .getMessage());
        String m = assertThrows(ResultsException.class, () -> ResultsMerger.merge(List.of(a, a), a, Set.of()))
                .getMessage();
        assertEquals(a + ": already holds results; merge into an empty folder", m);
    }

    @Test
    void expandReplacesAFolderOfShardsByItsShardsSorted() throws Exception {
        Path base = tmp.resolve("base");
        ResultsStore.open(base.resolve("shard-1-of-2")).appendCycle(row("random", 1, 0, 0.5, 1.0), List.of());
        ResultsStore.open(base.resolve("shard-0-of-2")).appendCycle(row("random", 0, 0, 0.5, 1.0), List.of());
        Files.createDirectories(base.resolve("shard-2-of-2")); // no cycles.csv: not a shard with results
        Files.createDirectories(base.resolve("merged"));
        Path single = tmp.resolve("single");
        ResultsStore.open(single).appendCycle(row("random", 0, 0, 0.5, 1.0), List.of());
        assertEquals(
                List.of(single, base.resolve("shard-0-of-2"), base.resolve("shard-1-of-2")),
                ResultsMerger.expand(List.of(single, base)));

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(assertThrows(ResultsException.class, () -> ResultsMerger.expand(List.of(empty)))
                .getMessage()
                .contains(empty + ": no cycles.csv and no shard-*/cycles.csv"));
        assertEquals(
                "results folder " + tmp.resolve("nope") + " does not exist",
                assertThrows(ResultsException.class, () -> ResultsMerger.expand(List.of(tmp.resolve("nope"))))
                        .getMessage());
    }
}

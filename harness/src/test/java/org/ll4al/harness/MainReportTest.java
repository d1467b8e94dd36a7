package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;
import org.ll4al.results.ResultsStore;
import org.ll4al.results.RunManifest;
import org.ll4al.results.SelectionRecord;

/** {@code -Dreport=DIR[,DIR..] [-Dout=DIR]} on hand-written results folders (no training). */
class MainReportTest {

    @TempDir
    Path tmp;

    private String stdout = "";
    private String stderr = "";

    private int report(String folders, Path out) {
        Properties p = new Properties();
        p.setProperty("report", folders);
        if (out != null) {
            p.setProperty("out", out.toString());
        }
        var o = new ByteArrayOutputStream();
        var e = new ByteArrayOutputStream();
        int status;
        try (var po = new PrintStream(o, true, StandardCharsets.UTF_8);
                var pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            status = Main.run(p, po, pe);
        }
        stdout = o.toString(StandardCharsets.UTF_8);
        stderr = e.toString(StandardCharsets.UTF_8);
        return status;
    }

    /** Two cycles of (strategy, trial), the first with one pick, and a run.json naming {@code out}. */
    private static Path folder(Path dir, String strategy, int trial, double metric) {
        ResultsStore s = ResultsStore.open(dir);
        s.writeManifest(new RunManifest(Map.of("cycles", "2", "out", dir.toString()), Map.of()));
        s.appendCycle(
                CycleResult.builder()
                        .task("classification")
                        .strategy(strategy)
                        .trial(trial)
                        .seed(7L + trial)
                        .cycle(0)
                        .labeled(100)
                        .metric("top1_accuracy", metric)
                        .seconds(1.0, 0.1)
                        .build(),
                List.of(new SelectionRecord("classification", strategy, trial, 0, 40 + trial, Double.NaN)));
        s.appendCycle(
                CycleResult.builder()
                        .task("classification")
                        .strategy(strategy)
                        .trial(trial)
                        .seed(7L + trial)
                        .cycle(1)
                        .labeled(200)
                        .metric("top1_accuracy", metric + 0.1)
                        .seconds(1.0, 0.1)
                        .build(),
                List.of());
        return dir;
    }

    @Test
    void oneFolderIsRedrawnInPlace() {
        Path a = folder(tmp.resolve("a"), "random", 0, 0.5);
        assertEquals(0, report(a.toString(), null), stderr);
        assertTrue(stdout.contains("wrote " + a.resolve("summary.md")), stdout);
        assertFalse(stdout.contains("merged"), stdout);
        assertTrue(Files.exists(a.resolve("learning_curve_classification.png")));
        assertEquals("", stderr);
    }

    @Test
    void severalFoldersAreMergedIntoOutThenDrawn() {
        Path a = folder(tmp.resolve("a"), "random", 0, 0.5);
        Path b = folder(tmp.resolve("b"), "random", 1, 0.6);
        folder(b, "random", 0, 0.5); // b also holds a's runs: agreeing rows, kept once
        Path m = tmp.resolve("m");
        assertEquals(0, report(a + ", " + b, m), stderr);
        assertTrue(stdout.startsWith("merged 2 folders into " + m + "\n"), stdout);
        assertTrue(stdout.contains("wrote " + m.resolve("summary.md")), stdout);
        assertEquals(4, ResultsReader.cycles(m).size());
        assertEquals(
                List.of(40, 41),
                ResultsReader.selections(m).stream()
                        .map(SelectionRecord::sampleId)
                        .toList());

        assertEquals(0, report(a + "," + b, null), stderr);
        assertTrue(Files.exists(a.resolve("merged/summary.md")), "default out: <first folder>/merged");
    }

    @Test
    void aFolderOfShardsIsMergedIntoItsMergedFolder() {
        Path base = tmp.resolve("run");
        folder(base.resolve("shard-0-of-2"), "random", 0, 0.5);
        folder(base.resolve("shard-1-of-2"), "random", 1, 0.6);
        assertEquals(0, report(base.toString(), null), stderr);
        assertTrue(stdout.contains("merged 2 folders into " + base.resolve("merged")), stdout);
        assertEquals(4, ResultsReader.cycles(base.resolve("merged")).size());
    }

    @Test
    void badInputEndsWithOneErrorLineAndStatus2() {
        Path a = folder(tmp.resolve("a"), "random", 0, 0.5);
        Path b = folder(tmp.resolve("b"), "random", 0, 0.55);
        assertEquals(2, report(a + "," + b, null));
        assertEquals(1, stderr.lines().count(), stderr);
        assertTrue(stderr.startsWith("error: cannot merge " + a + " and " + b + ": "), stderr);
        assertTrue(stderr.contains("task=classification, strategy=random, trial=0, cycle=0"), stderr);

        assertEquals(2, report(" , ", null));
        assertTrue(stderr.contains("option report=' , ' is invalid"), stderr);

        assertEquals(2, report(tmp.resolve("missing").toString(), null));
        assertEquals("error: results folder " + tmp.resolve("missing") + " does not exist", stderr.strip());
    }
}

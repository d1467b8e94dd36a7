package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;

/** A non-finite loss stops that trial with a message naming it; the other trials still run. */
class DivergenceTest {

    @TempDir
    Path tmp;

    @Test
    void nonFiniteLossIsRecordedAndOtherRunsContinue() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Path out = tmp.resolve("out");
        Properties p = f.smoke(out);
        p.setProperty("strategies", "random,entropy");
        p.setProperty("lr", "1e30"); // every run blows up in its first cycle
        assertEquals(1, f.run(p), f.stdout);
        assertTrue(f.stderr.contains("2 run(s) stopped on a non-finite loss: random/trial0, entropy/trial0"), f.stderr);
        List<CycleResult> rows = ResultsReader.cycles(out);
        assertEquals(2, rows.size(), "one failure row per run, the second run still ran");
        for (CycleResult r : rows) {
            assertTrue(!r.isOk() && Double.isNaN(r.metricValue()), r.toString());
            assertTrue(
                    r.status().contains("task classification, strategy " + r.strategy() + ", trial 0, cycle 0")
                            && r.status().contains("epoch "),
                    r.status());
        }
        // a re-run does not retry failed runs and still reports them
        assertEquals(1, f.run(p));
        assertTrue(f.stdout.contains("failed in an earlier session"), f.stdout);
        assertEquals(2, ResultsReader.cycles(out).size());
    }

    @Test
    void retryFailedReRunsAFailedCycleFromItsCheckpointAndKeepsTheFailureOnRecord() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Path reference = tmp.resolve("reference");
        Properties p = f.smoke(reference);
        p.setProperty("strategies", "random");
        assertEquals(0, f.run(p), f.stderr);
        List<CycleResult> ref = ResultsReader.cycles(reference);

        // the same run, as if cycle 1 had failed on a device that is not deterministic
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve("checkpoints"));
        Files.copy(reference.resolve("run.json"), out.resolve("run.json"));
        List<String> lines = Files.readAllLines(reference.resolve("cycles.csv"));
        String failed = lines.get(2).replace(",ok,", ",\"failed: injected\",");
        Files.write(out.resolve("cycles.csv"), List.of(lines.get(0), lines.get(1), failed));
        Files.copy(reference.resolve("selections.csv"), out.resolve("selections.csv"));
        Files.copy(
                reference.resolve("checkpoints/trial0-cycle0.params"),
                out.resolve("checkpoints/random-trial0-cycle0.params"));
        Properties q = f.smoke(out);
        q.setProperty("strategies", "random");
        assertEquals(1, f.run(q), "not retried without the option");
        q.setProperty("retryFailed", "true");
        assertEquals(0, f.run(q), f.stderr);
        assertTrue(f.stdout.contains("re-running from cycle 1 after an earlier failure"), f.stdout);
        List<CycleResult> rows = ResultsReader.cycles(out);
        assertEquals(3, rows.size(), "the failure stays on record beside the retried row");
        assertEquals("failed: injected", rows.get(1).status());
        assertTrue(rows.get(2).sameOutcome(ref.get(1)), rows.get(2) + " vs " + ref.get(1));
        // a later resume sees the trial complete, and a report merges the failure and the retry
        assertEquals(0, f.run(q), f.stderr);
        assertTrue(f.stdout.contains("already in"), f.stdout);
        assertTrue(Files.readString(out.resolve("summary.md")).contains("failed: injected"));
    }
}

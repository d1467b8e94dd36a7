package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;

/** A run killed with SIGKILL and resumed gives exactly the rows and picks of an uninterrupted run. */
class KillResumeTest {

    @TempDir
    Path tmp;

    private static Properties props(RunFixture f, Path out) {
        Properties p = f.smoke(out);
        p.setProperty("strategies", "random,lloss");
        p.setProperty("cycles", "3");
        p.setProperty("epochs", "3");
        p.setProperty("width", "0.25");
        return p;
    }

    private static int rows(Path out) throws Exception {
        Path f = out.resolve("cycles.csv");
        return Files.exists(f) ? (int) Files.readString(f).lines().count() - 1 : 0;
    }

    @Test
    void sigkillAfterTheFirstCycleThenResume() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Path reference = tmp.resolve("reference");
        assertEquals(0, f.run(props(f, reference)), f.stderr);
        int total = rows(reference);
        assertEquals(2 * 3, total);

        Path out = tmp.resolve("killed");
        Process p = RunFixture.start(props(f, out));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (rows(out) < 1 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.destroyForcibly(); // SIGKILL
        p.waitFor(30, TimeUnit.SECONDS);
        int landed = rows(out);
        assertTrue(landed >= 1 && landed < total, "killed mid-run after " + landed + " of " + total + " rows");
        // as if the kill had also hit a CSV write: half a row at the end of each file
        Files.writeString(out.resolve("cycles.csv"), "classification,lloss,0,123,2,6", StandardOpenOption.APPEND);
        Files.writeString(out.resolve("selections.csv"), "classification,lloss,0,", StandardOpenOption.APPEND);

        assertEquals(0, f.run(props(f, out)), f.stderr);
        assertTrue(f.stdout.contains("resuming at cycle") || f.stdout.contains("already in"), f.stdout);
        List<CycleResult> cycles = ResultsReader.cycles(out);
        Set<String> keys = new HashSet<>();
        for (CycleResult c : cycles) {
            assertTrue(keys.add(c.strategy() + "/" + c.trial() + "/" + c.cycle()), "once: " + c);
        }
        assertEquals(total, cycles.size());
        assertEquals(
                Files.readString(reference.resolve("selections.csv")), Files.readString(out.resolve("selections.csv")));
        // metrics are those of the uninterrupted run too (checkpoints restore the model exactly)
        List<CycleResult> ref = ResultsReader.cycles(reference);
        for (CycleResult c : cycles) {
            CycleResult r = ref.stream()
                    .filter(x -> x.key().equals(c.key()) && x.cycle() == c.cycle())
                    .findFirst()
                    .orElseThrow();
            assertEquals(r.metricValue(), c.metricValue(), 1e-9, c.toString());
        }
    }
}

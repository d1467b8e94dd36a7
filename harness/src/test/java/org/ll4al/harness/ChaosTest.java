package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;

/**
 * Kills the experiment with SIGKILL again and again, each time at the moment a phase begins
 * (training, selection, the checkpoint and row write that follow it, loading a shared cycle 0,
 * drawing the report), plus a seeded random delay, and re-runs it with the same -Dout; the end
 * result equals an uninterrupted run: every (strategy, trial, cycle) once, same outcomes, same picks.
 */
class ChaosTest {

    @TempDir
    Path tmp;

    private static Properties props(RunFixture f, Path out) {
        Properties p = f.smoke(out);
        p.setProperty("strategies", "random,lloss,coreset");
        p.setProperty("cycles", "3");
        p.setProperty("epochs", "2");
        return p;
    }

    /** Markers in the experiment's output: the phase that starts right after each line. */
    private static final List<String> MARKERS = List.of(
            "epoch 1/", // training under way
            "epoch 2/2", // training ends: evaluation, scoring and selection follow
            "loaded (trained once", // a strategy starts from the shared cycle 0
            "picks:", // a row just landed: the next cycle's training, or the checkpoint of the next
            "wrote "); // the report is being drawn

    @Test
    void manyKillsAtEveryPhaseEndWithTheUninterruptedResult() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Path reference = tmp.resolve("reference");
        assertEquals(0, f.run(props(f, reference)), f.stderr);

        Path out = tmp.resolve("chaos");
        Random rng = new Random(20261125);
        List<String> killedAt = new ArrayList<>();
        int status = -1;
        for (int attempt = 0; attempt < 40 && status != 0; attempt++) {
            String marker = MARKERS.get(killedAt.size() % MARKERS.size());
            Process p = RunFixture.start(props(f, out), List.of(), true);
            boolean killed = false;
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (killedAt.size() < 2 * MARKERS.size() && line.contains(marker)) {
                        Thread.sleep(rng.nextInt(150));
                        p.destroyForcibly(); // SIGKILL
                        killedAt.add(marker);
                        killed = true;
                        break;
                    }
                }
            }
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            status = killed ? -1 : p.exitValue();
        }
        assertEquals(0, status, "the run completed after the kills");
        assertTrue(killedAt.size() >= 5, "killed " + killedAt.size() + " times: " + killedAt);
        assertTrue(
                killedAt.contains("wrote ") && killedAt.contains("epoch 2/2") && killedAt.contains("picks:"),
                killedAt.toString());

        List<CycleResult> got = ResultsReader.cycles(out);
        List<CycleResult> ref = ResultsReader.cycles(reference);
        Set<String> keys = new HashSet<>();
        for (CycleResult c : got) {
            assertTrue(keys.add(c.strategy() + "/" + c.trial() + "/" + c.cycle()), "once: " + c);
        }
        assertEquals(ref.size(), got.size());
        for (CycleResult r : ref) {
            CycleResult g = got.stream()
                    .filter(x -> x.key().equals(r.key()) && x.cycle() == r.cycle())
                    .findFirst()
                    .orElseThrow();
            assertTrue(g.sameOutcome(r), g + " vs " + r);
        }
        assertEquals(
                Files.readString(reference.resolve("selections.csv")), Files.readString(out.resolve("selections.csv")));
        assertTrue(Files.size(out.resolve("summary.md")) > 0);
    }
}

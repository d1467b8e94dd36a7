package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;

/**
 * The results folder stops accepting writes mid-run (here: {@code cycles.csv} replaced by a
 * folder, which fails like a full disk even for root): the run stops with one error naming the
 * file, and what was written before stays a valid CSV that a later run resumes from.
 */
class DiskFailureTest {

    @TempDir
    Path tmp;

    @Test
    void unwritableResultsMidRunStopWithAClearErrorAndKeepRowsValid() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Path out = tmp.resolve("out");
        Properties p = f.smoke(out);
        p.setProperty("strategies", "random,entropy");
        p.setProperty("cycles", "3");
        p.setProperty("epochs", "3");
        p.setProperty("width", "0.25");
        Process proc = RunFixture.start(p, List.of(), true);
        Path cycles = out.resolve("cycles.csv");
        Path saved = tmp.resolve("saved-cycles.csv");
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (var r = proc.inputReader()) {
                r.lines().forEach(l -> log.append(l).append('\n'));
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while ((!Files.exists(cycles) || Files.readString(cycles).lines().count() < 2)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Files.move(cycles, saved);
        Files.createDirectory(cycles); // every later append to cycles.csv fails
        assertTrue(proc.waitFor(120, TimeUnit.SECONDS));
        reader.join(5000);
        assertEquals(2, proc.exitValue(), log.toString());
        assertTrue(
                log.toString().contains("error: ") && log.toString().contains("cycles.csv: cannot write results"),
                log.toString());

        Files.delete(cycles);
        Files.move(saved, cycles);
        List<CycleResult> kept = ResultsReader.cycles(out); // parses: every kept row is whole
        assertTrue(kept.size() >= 1 && kept.size() < 6, kept.toString());
        assertEquals(0, f.run(p), f.stderr);
        assertEquals(6, ResultsReader.cycles(out).size());
    }
}

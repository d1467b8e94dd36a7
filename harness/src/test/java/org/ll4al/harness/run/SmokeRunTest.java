package org.ll4al.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.harness.RunFixture;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;
import org.ll4al.results.SelectionRecord;
import org.ll4al.tasks.nn.ConvolutionSelfCheck;

/** The CI smoke run: the classification smoke preset end to end on a tiny generated CIFAR set. */
class SmokeRunTest {

    @TempDir
    Path tmp;

    @Test
    void smokeRunWritesEveryRowAndPickAndResumesWithoutRedoingCycles() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Path out = tmp.resolve("out");
        assertEquals(0, f.run(f.smoke(out)), f.stderr);
        assertTrue(f.stdout.startsWith("ll4al: task classification, preset smoke"), f.stdout);
        List<CycleResult> cycles = ResultsReader.cycles(out);
        assertEquals(4 * 2, cycles.size(), "4 strategies x 1 trial x 2 cycles");
        assertEquals(
                Set.of("random", "entropy", "coreset", "lloss"),
                cycles.stream().map(CycleResult::strategy).collect(Collectors.toSet()));
        for (CycleResult c : cycles) {
            assertTrue(c.isOk());
            assertTrue(c.metricValue() >= 0 && c.metricValue() <= 1, "accuracy in [0, 1]: " + c);
            assertTrue(c.lossRankAccuracy() >= 0 && c.lossRankAccuracy() <= 1, c.toString());
            assertEquals(c.cycle() == 0 ? 40 : 60, c.labeled());
        }
        List<SelectionRecord> picks = ResultsReader.selections(out);
        assertEquals(4 * 20, picks.size());
        Map<String, Long> perStrategy =
                picks.stream().collect(Collectors.groupingBy(SelectionRecord::strategy, Collectors.counting()));
        assertEquals(Map.of("random", 20L, "entropy", 20L, "coreset", 20L, "lloss", 20L), perStrategy);
        // picks are dataset ids of the pool, distinct per strategy and never in the initial set
        int[] initial = TrialDraws.initialSet(200, 40, Seeds.trial(0, 0));
        Set<Integer> init = Arrays.stream(initial).boxed().collect(Collectors.toSet());
        for (String s : perStrategy.keySet()) {
            List<Integer> ids = picks.stream()
                    .filter(p -> p.strategy().equals(s))
                    .map(SelectionRecord::sampleId)
                    .toList();
            assertEquals(20, Set.copyOf(ids).size(), s);
            assertTrue(ids.stream().allMatch(id -> id >= 0 && id < 200 && !init.contains(id)), s + " " + ids);
        }
        // cycle 0 is the same model for every strategy (paired: same initial set, same init, same order)
        Set<Double> cycle0 = cycles.stream()
                .filter(c -> c.cycle() == 0)
                .map(CycleResult::metricValue)
                .collect(Collectors.toSet());
        assertEquals(1, cycle0.size(), "cycle 0 identical across strategies: " + cycle0);
        assertTrue(Files.exists(out.resolve("run.json")));
        String convolutions = ResultsReader.manifest(out).environment().get("convolutions");
        assertEquals(Experiment.convolutions(), convolutions, "run.json says how this process computed convolutions");
        assertTrue(convolutions.startsWith("channels padded") == ConvolutionSelfCheck.padsChannels(), convolutions);
        assertTrue(Files.size(out.resolve("learning_curve_classification.png")) > 5000);
        assertTrue(Files.size(out.resolve("learning_curve_classification.svg")) > 5000);
        String summary = Files.readString(out.resolve("summary.md"));
        for (String s : List.of("random", "entropy", "coreset", "lloss")) {
            assertTrue(summary.contains("| " + s + " |"), summary);
        }

        // resume: nothing left to do, nothing rewritten
        String before = Files.readString(out.resolve("cycles.csv"));
        assertEquals(0, f.run(f.smoke(out)), f.stderr);
        assertEquals(before, Files.readString(out.resolve("cycles.csv")));
        assertTrue(f.stdout.contains("already in"), f.stdout);
    }

    @Test
    void sameSeedSamePicksOtherSeedOtherInitialSet() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Properties a = f.smoke(tmp.resolve("a"));
        Properties b = f.smoke(tmp.resolve("b"));
        Properties c = f.smoke(tmp.resolve("c"));
        c.setProperty("seed", "1");
        for (Properties p : List.of(a, b, c)) {
            p.setProperty("strategies", "random,lloss,coreset");
            assertEquals(0, f.run(p), f.stderr);
        }
        assertEquals(
                Files.readString(tmp.resolve("a/selections.csv")), Files.readString(tmp.resolve("b/selections.csv")));
        assertNotEquals(
                Files.readString(tmp.resolve("a/selections.csv")), Files.readString(tmp.resolve("c/selections.csv")));
        assertNotEquals(
                Arrays.toString(TrialDraws.initialSet(200, 40, Seeds.trial(0, 0))),
                Arrays.toString(TrialDraws.initialSet(200, 40, Seeds.trial(1, 0))));
    }
}

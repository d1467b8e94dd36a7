package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;

/** Cycle 0 trained once per trial gives the same rows and picks as training it for every strategy. */
class CycleZeroSharingTest {

    @TempDir
    Path tmp;

    @Test
    void sharedCycleZeroEqualsSeparateTraining() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Properties shared = f.smoke(tmp.resolve("shared"));
        Properties separate = f.smoke(tmp.resolve("separate"));
        separate.setProperty("shareCycle0", "false");
        for (Properties p : List.of(shared, separate)) {
            p.setProperty("strategies", "random,lloss,true-loss,coreset");
            p.setProperty("trials", "2");
            p.setProperty("initialEpochs", "2");
        }
        assertEquals(0, f.run(separate), f.stderr);
        assertFalse(f.stdout.contains("loaded (trained once"), f.stdout);
        assertEquals(0, f.run(shared), f.stderr);
        assertEquals(
                2 * 3,
                f.stdout.split("loaded \\(trained once for every strategy\\)", -1).length - 1,
                "the 3 strategies after the first load cycle 0 in each of 2 trials:\n" + f.stdout);
        assertTrue(Files.exists(tmp.resolve("shared/checkpoints/trial1-cycle0.params")));
        assertFalse(Files.exists(tmp.resolve("separate/checkpoints/trial1-cycle0.params")));

        List<CycleResult> a = ResultsReader.cycles(tmp.resolve("shared"));
        List<CycleResult> b = ResultsReader.cycles(tmp.resolve("separate"));
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(b.get(i).key(), a.get(i).key());
            assertTrue(a.get(i).sameOutcome(b.get(i)), a.get(i) + "\nvs\n" + b.get(i));
            assertEquals(b.get(i).diagnostics(), a.get(i).diagnostics());
            assertEquals(
                    b.get(i).labeledLossRankAccuracy(),
                    a.get(i).labeledLossRankAccuracy(),
                    "a loaded cycle 0 ranks its labeled set as the trained one: " + a.get(i));
        }
        assertEquals(
                Files.readString(tmp.resolve("separate/selections.csv")),
                Files.readString(tmp.resolve("shared/selections.csv")),
                "identical picks");
    }

    @Test
    void diagnosticsAreWrittenAndTheTrueLossControlPicksTheHardestSamples() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Properties p = f.smoke(tmp.resolve("out"));
        p.setProperty("strategies", "random,true-loss,lloss,entropy");
        assertEquals(0, f.run(p), f.stderr);
        List<CycleResult> rows = ResultsReader.cycles(tmp.resolve("out"));
        double trueLoss = Double.NaN;
        double best = Double.NEGATIVE_INFINITY;
        for (CycleResult r : rows) {
            assertTrue(
                    r.labeledLossRankAccuracy() >= 0 && r.labeledLossRankAccuracy() <= 1,
                    "every cycle ranks its labeled set: " + r);
            if (r.cycle() == 1) {
                assertFalse(r.diagnostics().recorded(), "the last cycle selects nothing: " + r);
                continue;
            }
            var d = r.diagnostics();
            assertTrue(d.pickedLossRatio() > 0, r.toString());
            assertTrue(d.subsetLossRankAccuracy() >= 0 && d.subsetLossRankAccuracy() <= 1, r.toString());
            assertTrue(d.pickedLabelEntropy() >= 0 && d.pickedLabelEntropy() <= 1, r.toString());
            if (r.strategy().equals("true-loss")) {
                trueLoss = d.pickedLossRatio();
            } else {
                best = Math.max(best, d.pickedLossRatio());
            }
        }
        // same model and same scored subset at cycle 0: the control's picks are the top true losses
        assertTrue(trueLoss > 1 && trueLoss >= best, trueLoss + " vs " + best);
    }
}

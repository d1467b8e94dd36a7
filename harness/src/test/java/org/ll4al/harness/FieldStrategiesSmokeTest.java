package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;
import org.ll4al.results.SelectionRecord;
import org.ll4al.tasks.detection.VocWriter;

/** bald, badge and committee end to end on the smoke presets, and clear errors where undefined. */
class FieldStrategiesSmokeTest {

    @TempDir
    Path tmp;

    @Test
    void classificationRunsEveryNewStrategyAndCommitteeResumesItsMembers() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Properties p = f.smoke(tmp.resolve("out"));
        p.setProperty("strategies", "random,badge,bald,committee,isal");
        p.setProperty("dropout", "0.3");
        p.setProperty("mcPasses", "4");
        p.setProperty("isalDepth", "5");
        p.setProperty("isalReference", "20");
        p.setProperty("cycles", "3");
        assertEquals(0, f.run(p), f.stderr);
        assertTrue(f.stdout.contains("isal over "), "ISAL prints its cost per cycle");
        List<CycleResult> rows = ResultsReader.cycles(tmp.resolve("out"));
        assertEquals(5 * 3, rows.size());
        assertTrue(rows.stream().allMatch(CycleResult::isOk), rows.toString());
        for (CycleResult r : rows) {
            double a = r.committeeLossAgreement();
            if (r.strategy().equals("committee")) {
                assertTrue(a >= 0 && a <= 1, "the committee's loss agreement is a pair-ranking accuracy: " + r);
            } else {
                assertTrue(Double.isNaN(a), "only a committee measures its members' agreement: " + r);
            }
        }
        assertTrue(f.stdout.contains("committee's own losses"), "printed with the cycle's line");
        for (CycleResult r : rows) {
            double e = r.entropyLossRankAccuracy();
            assertTrue(e >= 0 && e <= 1, "every classification row ranks its losses by entropy too: " + r);
        }
        assertTrue(
                f.stdout.contains(", entropy 0.") || f.stdout.contains(", entropy 1."),
                "printed with the cycle's line");
        Map<String, Long> picks = ResultsReader.selections(tmp.resolve("out")).stream()
                .collect(Collectors.groupingBy(SelectionRecord::strategy, Collectors.counting()));
        assertEquals(Map.of("random", 40L, "badge", 40L, "bald", 40L, "committee", 40L, "isal", 40L), picks);
        // the committee's extra members are checkpointed with the main model (last cycle kept)
        assertTrue(Files.exists(tmp.resolve("out/checkpoints/committee-trial0-member2-cycle2.params")));
        assertFalse(Files.exists(tmp.resolve("out/checkpoints/committee-trial0-member2-cycle1.params")));

        // interrupted after cycle 1: drop the committee's last row and resume from its checkpoints
        Path other = tmp.resolve("resumed");
        Properties q = f.smoke(other);
        q.setProperty("strategies", "committee");
        q.setProperty("cycles", "3");
        q.setProperty("dropout", "0.3");
        q.setProperty("mcPasses", "4");
        assertEquals(0, f.run(q), f.stderr);
        List<String> lines = Files.readAllLines(other.resolve("cycles.csv"));
        Files.write(other.resolve("cycles.csv"), lines.subList(0, lines.size() - 1));
        Files.copy(
                other.resolve("checkpoints/committee-trial0-cycle2.params"),
                other.resolve("checkpoints/committee-trial0-cycle1.params"));
        // the last cycle's checkpoints stand in for cycle 1's: resume must load main and members
        for (int m = 1; m <= 2; m++) {
            Files.copy(
                    other.resolve("checkpoints/committee-trial0-member" + m + "-cycle2.params"),
                    other.resolve("checkpoints/committee-trial0-member" + m + "-cycle1.params"));
        }
        assertEquals(0, f.run(q), f.stderr);
        assertTrue(f.stdout.contains("resuming at cycle 2"), f.stdout);
        assertEquals(3, ResultsReader.cycles(other).size());
    }

    @Test
    void committeeRunsOnDetectionAndUndefinedStrategiesFailBeforeTraining() throws Exception {
        VocWriter.write(tmp.resolve("voc"), 30, 10);
        RunFixture f = new RunFixture(tmp);
        Properties p = new Properties();
        p.setProperty("task", "detection");
        p.setProperty("preset", "smoke");
        p.setProperty("data", tmp.resolve("voc").toString());
        p.setProperty("out", tmp.resolve("det").toString());
        p.setProperty("strategies", "random,committee");
        assertEquals(0, f.run(p), f.stderr);
        assertEquals(4, ResultsReader.cycles(tmp.resolve("det")).size());

        for (String undefined : List.of("badge", "isal", "bald")) {
            p.setProperty("strategies", "random," + undefined);
            p.setProperty("out", tmp.resolve("det-" + undefined).toString());
            assertEquals(2, f.run(p), undefined);
            assertTrue(f.stderr.contains(undefined) && f.stderr.contains("detection"), f.stderr);
            assertFalse(Files.exists(tmp.resolve("det-" + undefined + "/cycles.csv")), "nothing trained");
        }

        Properties c = f.smoke(tmp.resolve("cls"));
        c.setProperty("strategies", "bald");
        assertEquals(2, f.run(c));
        assertTrue(f.stderr.contains("bald") && f.stderr.contains("dropout"), f.stderr);
    }
}

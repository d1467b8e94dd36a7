package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;
import org.ll4al.tasks.detection.VocWriter;

/** The detection and pose smoke presets end to end through the harness on data the test generates. */
class TaskSmokeTest {

    @TempDir
    Path tmp;

    private static void assertCompleteSmokeRun(Path out, String task) throws Exception {
        List<CycleResult> rows = ResultsReader.cycles(out);
        assertEquals(4 * 2, rows.size(), "4 strategies x 1 trial x 2 cycles");
        assertEquals(
                Set.of("random", "entropy", "coreset", "lloss"),
                rows.stream().map(CycleResult::strategy).collect(Collectors.toSet()));
        for (CycleResult r : rows) {
            assertTrue(r.isOk() && r.metricValue() >= 0 && r.metricValue() <= 1, r.toString());
            double e = r.entropyLossRankAccuracy();
            assertTrue(e >= 0 && e <= 1, "the entropy's ranking of the losses is recorded for every row: " + r);
        }
        assertEquals(4 * 4, ResultsReader.selections(out).size(), "budget 4 per strategy");
        assertTrue(Files.size(out.resolve("learning_curve_" + task + ".png")) > 5000);
        assertTrue(Files.readString(out.resolve("summary.md")).contains("## " + task));
    }

    private Properties smoke(String task, String data) {
        Properties p = new Properties();
        p.setProperty("task", task);
        p.setProperty("preset", "smoke");
        p.setProperty("data", tmp.resolve(data).toString());
        p.setProperty("out", tmp.resolve("out").toString());
        return p;
    }

    @Test
    void detectionSmokeOnAGeneratedVocSet() throws Exception {
        VocWriter.write(tmp.resolve("voc"), 30, 10);
        RunFixture f = new RunFixture(tmp);
        assertEquals(0, f.run(smoke("detection", "voc")), f.stderr);
        assertCompleteSmokeRun(tmp.resolve("out"), "detection");
    }

    @Test
    void poseSmokeOnTheGeneratedSyntheticSet() throws Exception {
        RunFixture f = new RunFixture(tmp);
        assertEquals(0, f.run(smoke("pose", "mpii")), f.stderr);
        assertTrue(Files.exists(tmp.resolve("mpii/train.json")), "synthetic set generated in the MPII layout");
        assertCompleteSmokeRun(tmp.resolve("out"), "pose");
    }
}

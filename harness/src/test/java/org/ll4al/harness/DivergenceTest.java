package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            assertTrue(r.status().contains("task classification, strategy " + r.strategy() + ", trial 0, cycle 0")
                    && r.status().contains("epoch "), r.status());
        }
        // a re-run does not retry failed runs and still reports them
        assertEquals(1, f.run(p));
        assertTrue(f.stdout.contains("failed in an earlier session"), f.stdout);
        assertEquals(2, ResultsReader.cycles(out).size());
    }
}

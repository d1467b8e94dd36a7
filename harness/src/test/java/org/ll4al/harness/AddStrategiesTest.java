package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;
import org.ll4al.results.SelectionRecord;

/** Strategies added to a finished run's folder get the same rows and picks as running them all at once. */
class AddStrategiesTest {

    @TempDir
    Path tmp;

    @Test
    void addedStrategiesPairWithTheFirstOnes() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Properties all = f.smoke(tmp.resolve("all"));
        all.setProperty("strategies", "random,entropy,lloss");
        all.setProperty("trials", "2");
        assertEquals(0, f.run(all), f.stderr);

        Properties first = f.smoke(tmp.resolve("grown"));
        first.setProperty("strategies", "random");
        first.setProperty("trials", "2");
        assertEquals(0, f.run(first), f.stderr);
        Properties more = f.smoke(tmp.resolve("grown"));
        more.setProperty("strategies", "entropy,lloss");
        more.setProperty("trials", "2");
        assertEquals(0, f.run(more), f.stderr);
        assertTrue(f.stdout.contains("adding entropy,lloss to the strategies"), f.stdout);
        assertEquals(
                "random,entropy,lloss",
                ResultsReader.manifest(tmp.resolve("grown")).config().get("strategies"));

        List<CycleResult> a = sorted(ResultsReader.cycles(tmp.resolve("all")));
        List<CycleResult> b = sorted(ResultsReader.cycles(tmp.resolve("grown")));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).key(), b.get(i).key());
            assertTrue(a.get(i).sameOutcome(b.get(i)), a.get(i) + "\nvs\n" + b.get(i));
        }
        assertEquals(picks(tmp.resolve("all")), picks(tmp.resolve("grown")), "the same ids picked");

        Properties changed = f.smoke(tmp.resolve("grown"));
        changed.setProperty("strategies", "coreset");
        changed.setProperty("trials", "2");
        changed.setProperty("lr", "0.5");
        assertEquals(2, f.run(changed), "other options still identify the experiment");
        assertTrue(f.stderr.contains("lr"), f.stderr);
    }

    private static List<CycleResult> sorted(List<CycleResult> rows) {
        return rows.stream()
                .sorted(Comparator.comparing(CycleResult::key).thenComparingInt(CycleResult::cycle))
                .toList();
    }

    private static List<String> picks(Path dir) throws IOException {
        return ResultsReader.selections(dir).stream()
                .map(SelectionRecord::toString)
                .sorted()
                .toList();
    }
}

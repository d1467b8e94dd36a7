package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;
import org.ll4al.results.SelectionRecord;

/** Two shards run as parallel processes, merged, equal the unsharded run with the same seed. */
class ShardMergeTest {

    @TempDir
    Path tmp;

    private static Properties props(RunFixture f, Path out) {
        Properties p = f.smoke(out);
        p.setProperty("strategies", "random,entropy,lloss");
        p.setProperty("trials", "2");
        return p;
    }

    /** Everything of a row except wall times. */
    private static String key(CycleResult c) {
        return c.task() + "," + c.strategy() + "," + c.trial() + "," + c.seed() + "," + c.cycle() + "," + c.labeled()
                + "," + c.metricValue() + "," + c.lossRankAccuracy() + "," + c.status();
    }

    private static List<String> rows(Path dir) {
        return ResultsReader.cycles(dir).stream()
                .map(ShardMergeTest::key)
                .sorted()
                .toList();
    }

    private static List<SelectionRecord> picks(Path dir) {
        return ResultsReader.selections(dir).stream()
                .sorted(Comparator.comparing(SelectionRecord::strategy)
                        .thenComparingInt(SelectionRecord::trial)
                        .thenComparingInt(SelectionRecord::cycle)
                        .thenComparingInt(SelectionRecord::sampleId))
                .toList();
    }

    @Test
    void shardsInParallelThenMergeEqualTheUnshardedRun() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Path whole = tmp.resolve("whole");
        assertEquals(0, f.run(props(f, whole)), f.stderr);

        Path sharded = tmp.resolve("sharded");
        Properties s0 = props(f, sharded);
        s0.setProperty("shard", "0/2");
        Properties s1 = props(f, sharded);
        s1.setProperty("shard", "1/2");
        Process p0 = RunFixture.start(s0);
        Process p1 = RunFixture.start(s1);
        assertTrue(p0.waitFor(300, TimeUnit.SECONDS) && p1.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p0.exitValue());
        assertEquals(0, p1.exitValue());
        assertEquals(
                3, ResultsReader.cycles(sharded.resolve("shard-0-of-2")).size() / 2, "3 of the 6 runs, 2 cycles each");
        assertEquals(3, ResultsReader.cycles(sharded.resolve("shard-1-of-2")).size() / 2);

        Properties merge = new Properties();
        Path merged = tmp.resolve("merged");
        merge.setProperty("report", sharded.toString());
        merge.setProperty("out", merged.toString());
        assertEquals(0, f.run(merge), f.stderr);
        assertEquals(rows(whole), rows(merged));
        assertEquals(picks(whole), picks(merged));
        assertTrue(Files.size(merged.resolve("learning_curve_classification.png")) > 5000);
        assertTrue(Files.exists(merged.resolve("summary.md")));
    }

    @Test
    void devicesRunsShardsSideBySideAndMerges() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Properties one = f.smoke(tmp.resolve("one"));
        one.setProperty("strategies", "random");
        one.setProperty("trials", "2");
        assertEquals(0, f.run(one), f.stderr);
        Properties two = f.smoke(tmp.resolve("two"));
        two.setProperty("strategies", "random");
        two.setProperty("trials", "2");
        two.setProperty("devices", "2");
        assertEquals(0, f.run(two), f.stderr);
        assertTrue(f.stdout.contains("started shard 1/2 on the CPU"), f.stdout);
        assertEquals(rows(tmp.resolve("one")), rows(tmp.resolve("two/merged")));
        assertEquals(picks(tmp.resolve("one")), picks(tmp.resolve("two/merged")));
    }

    @Test
    void refusesToMergeDifferentExperiments() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Properties a = f.smoke(tmp.resolve("a"));
        a.setProperty("strategies", "random");
        Properties b = f.smoke(tmp.resolve("b"));
        b.setProperty("strategies", "random");
        b.setProperty("epochs", "2");
        assertEquals(0, f.run(a), f.stderr);
        assertEquals(0, f.run(b), f.stderr);
        Properties merge = new Properties();
        merge.setProperty("report", tmp.resolve("a") + "," + tmp.resolve("b"));
        merge.setProperty("out", tmp.resolve("m").toString());
        assertEquals(2, f.run(merge));
        assertTrue(f.stderr.contains("epochs: 1 -> 2"), f.stderr);
    }
}

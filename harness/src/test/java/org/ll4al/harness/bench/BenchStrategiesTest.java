package org.ll4al.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.harness.RunFixture;
import org.ll4al.options.OptionException;
import org.ll4al.selection.Strategies;

/** {@code -Dbench=strategies}: one table row per strategy on the classification smoke preset at tiny sizes. */
class BenchStrategiesTest {

    @TempDir
    Path tmp;

    private Properties smoke() throws Exception {
        RunFixture f = new RunFixture(tmp); // 200 training images
        Properties p = new Properties();
        p.setProperty("task", "classification");
        p.setProperty("preset", "smoke");
        p.setProperty("data", f.data.toString());
        p.setProperty("poolLimit", "0");
        p.setProperty("benchImages", "50");
        return p;
    }

    private static String bench(Properties p) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(b, true, StandardCharsets.UTF_8)) {
            Benchmark.run("strategies", p, out);
        }
        String text = b.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        return text;
    }

    @Test
    void everyStrategyOfTheTaskGetsARowWithScoringAndSelectionSeconds() throws Exception {
        Properties p = smoke();
        p.setProperty("dropout", "0.1"); // bald needs dropout layers
        p.setProperty("mcPasses", "2");
        p.setProperty("committee", "2");
        p.setProperty("isalDepth", "2");
        p.setProperty("isalChains", "1");
        p.setProperty("isalReference", "8");
        String text = bench(p);
        assertTrue(
                text.contains("strategies: task classification, preset smoke, fresh model (width 0.125), per cycle:"
                        + " score a subset of 50 with 40 labeled (inference batch 40), select 20"),
                text);
        for (String name : Strategies.names()) {
            assertTrue(
                    text.matches("(?s).*\\n" + name + " +\\d+\\.\\d\\d +\\d+\\.\\d\\d +\\d+\\.\\d\\d +[a-z_,]+\\n.*"),
                    name + " row in\n" + text);
        }
        assertFalse(text.contains("skipped"), text);
        assertTrue(text.contains("isal over"), "ISAL's cost breakdown:\n" + text);
    }

    @Test
    void explicitStrategiesOnlyAndBaldSkippedWithoutDropout() throws Exception {
        Properties p = smoke();
        p.setProperty("strategies", "random,bald");
        String text = bench(p);
        assertTrue(text.matches("(?s).*\\nrandom +\\d+\\.\\d\\d .*"), text);
        assertTrue(text.matches("(?s).*\\nbald +- +- +- +skipped: needs dropout layers \\(-Ddropout > 0\\).*"), text);
        assertFalse(text.contains("\ncoreset"), text);
    }

    @Test
    void needsATask() {
        OptionException e = assertThrows(OptionException.class, () -> bench(new Properties()));
        assertEquals(true, e.getMessage().contains("task"), e.getMessage());
    }
}

package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.harness.options.OptionSpec;

/** Every bad option or data file ends with one clear error line and exit status 2. */
class BadInputTest {

    @TempDir
    Path tmp;

    private void assertRefused(RunFixture f, Properties p, String... mentions) {
        assertEquals(2, f.run(p), f.stdout);
        String err = f.stderr.strip();
        assertTrue(err.startsWith("error: "), err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        for (String m : mentions) {
            assertTrue(err.contains(m), "'" + m + "' in: " + err);
        }
    }

    @Test
    void badOptionValuesNameTheOptionAndValue() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Properties p = f.smoke(tmp.resolve("o1"));
        p.setProperty("epochs", "-3");
        assertRefused(f, p, "epochs", "-3", ">= 1");
        p = f.smoke(tmp.resolve("o2"));
        p.setProperty("strategies", "random,nope");
        assertRefused(f, p, "strategies", "nope", "lloss");
        p = f.smoke(tmp.resolve("o3"));
        p.setProperty("task", "segmentation");
        assertRefused(f, p, "task", "segmentation", "classification");
        p = f.smoke(tmp.resolve("o4"));
        p.setProperty("lr", "fast");
        assertRefused(f, p, "lr", "fast");
        p = f.smoke(tmp.resolve("o5"));
        p.setProperty("shard", "2/2");
        assertRefused(f, p, "shard", "2/2");
    }

    @Test
    void configFileSuppliesOptionsAndExplicitOnesWin() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Path cfg = tmp.resolve("run.properties");
        Files.writeString(cfg, "strategies=random\nepochs=2\nseed=5\n");
        Properties p = f.smoke(tmp.resolve("c1"));
        p.setProperty("config", cfg.toString());
        p.setProperty("seed", "6");
        assertEquals(0, f.run(p), f.stderr);
        assertTrue(
                f.stdout.contains("strategies random x 1 trials")
                        && f.stdout.contains("2 epochs")
                        && f.stdout.contains("seed 6"),
                f.stdout);
        Files.writeString(cfg, "epoch=2\n");
        p = f.smoke(tmp.resolve("c2"));
        p.setProperty("config", cfg.toString());
        assertRefused(f, p, "run.properties", "'epoch'");
    }

    @Test
    void budgetLargerThanThePool() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Properties p = f.smoke(tmp.resolve("o"));
        p.setProperty("budget", "500");
        p.setProperty("subset", "500");
        assertRefused(f, p, "budget", "500", "pool of 200");
    }

    @Test
    void missingDataAndUnwritableOut() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Properties p = f.smoke(tmp.resolve("o"));
        p.setProperty("data", tmp.resolve("empty").toString());
        Files.createDirectories(tmp.resolve("empty"));
        assertRefused(f, p, "empty", "cifar");
        Path file = tmp.resolve("plainfile");
        Files.writeString(file, "x");
        p = f.smoke(file.resolve("out"));
        assertRefused(f, p, "plainfile");
    }

    @Test
    void refusesToMixConfigurationsInOneFolder() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Path out = tmp.resolve("o");
        Properties p = f.smoke(out);
        p.setProperty("strategies", "random");
        assertEquals(0, f.run(p), f.stderr);
        String before = Files.readString(out.resolve("cycles.csv"));
        p.setProperty("lr", "0.01");
        assertRefused(f, p, "lr: 0.05 -> 0.01");
        assertEquals(before, Files.readString(out.resolve("cycles.csv")), "existing results untouched");
        p.setProperty("resume", "false");
        assertEquals(0, f.run(p), f.stderr);
        assertTrue(f.stdout.contains("starting over in"), f.stdout);
        assertEquals(before, Files.readString(out.resolve("cycles.csv")));
    }

    @Test
    void aMisspeltOptionIsWarnedAboutNamingTheKnownOne() {
        assertEquals("budget", OptionSpec.closest("budgte"));
        assertEquals("strategies", OptionSpec.closest("strategy"));
        assertEquals("initialEpochs", OptionSpec.closest("initialepochs"));
        assertEquals(null, OptionSpec.closest("zzz"));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Properties p = new Properties();
        p.setProperty("budgte", "5");
        p.setProperty("strategy", "lloss");
        p.setProperty("user.dir", "/x");
        p.setProperty("budget", "5");
        OptionSpec.warnMisspelt(p, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String text = buf.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("warning: -Dbudgte is not an option and is ignored; did you mean -Dbudget?"), text);
        assertTrue(text.contains("did you mean -Dstrategies?"), text);
        assertEquals(2, text.lines().count(), text);
    }
}

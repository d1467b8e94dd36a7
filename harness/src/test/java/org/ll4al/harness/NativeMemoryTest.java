package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Native memory stays bounded: in a separate JVM with a fixed, pre-touched heap, the resident
 * set after cycle 10 is within 10% of the one after cycle 2 (every NDArray freed by its scope).
 */
class NativeMemoryTest {

    @TempDir
    Path tmp;

    @Test
    void rssAfterCycle10WithinTenPercentOfCycle2() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Properties p = f.smoke(tmp.resolve("out"));
        p.setProperty("strategies", "coreset");
        p.setProperty("cycles", "11");
        p.setProperty("initial", "20");
        p.setProperty("budget", "10");
        p.setProperty("epochs", "2");
        List<String> jvm = List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch");
        Process proc = RunFixture.start(p, jvm, true);
        List<Long> rss = new ArrayList<>();
        Pattern line = Pattern.compile("cycle (\\d+)/10, .* rss (\\d+) MiB");
        try (var r = proc.inputReader()) {
            String s;
            while ((s = r.readLine()) != null) {
                Matcher m = line.matcher(s);
                if (m.find()) {
                    rss.add(Long.parseLong(m.group(2)));
                }
            }
        }
        assertTrue(proc.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, proc.exitValue());
        assertEquals(11, rss.size(), "an rss figure per cycle: " + rss);
        long afterCycle2 = rss.get(2);
        long afterCycle10 = rss.get(10);
        System.out.println("native memory: rss after cycle 2 = " + afterCycle2 + " MiB, after cycle 10 = "
                + afterCycle10 + " MiB");
        assertTrue(afterCycle10 <= afterCycle2 * 1.10, "rss per cycle " + rss);
    }
}

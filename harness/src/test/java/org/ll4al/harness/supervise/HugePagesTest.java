package org.ll4al.harness.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.harness.RunFixture;

/**
 * Huge pages change how fast a run is, never what it computes: the same supervised run with
 * {@code -DhugePages=off} and with libtorch's huge-page allocation on gives the same cycle rows
 * (times aside) and the same picks. The network is the paper's width, so that its activations
 * (20 x 64 x 32 x 32 floats, 5 MiB) are large enough to be placed on huge pages.
 */
class HugePagesTest {

    @TempDir
    Path tmp;

    @Test
    void hugePagesNeverChangeAResult() throws Exception {
        String kernel = NativeAllocator.kernelMode(NativeAllocator.THP_SETTING);
        assumeTrue(
                kernel != null && !kernel.equals("never"),
                "skipped: this kernel offers no transparent huge pages (" + NativeAllocator.THP_SETTING + ": " + kernel
                        + ")");
        assumeTrue(
                System.getenv(NativeAllocator.THP_VARIABLE) == null,
                "skipped: " + NativeAllocator.THP_VARIABLE
                        + " is set in this JVM's environment, and a user's setting wins");
        RunFixture f = new RunFixture(tmp);
        String[] said = new String[2];
        Path[] out = new Path[2];
        String[] mode = {"off", "on"};
        for (int i = 0; i < 2; i++) {
            out[i] = tmp.resolve("run-" + mode[i]);
            Properties p = f.smoke(out[i]);
            p.setProperty("supervise", "true");
            p.setProperty("hugePages", mode[i]);
            p.setProperty("strategies", "random,lloss");
            p.setProperty("width", "1");
            Process run = RunFixture.start(p, List.of(), true);
            said[i] = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(run.waitFor(300, TimeUnit.SECONDS));
            assertEquals(0, run.exitValue(), said[i]);
        }
        assertTrue(said[0].contains("huge pages: off (-DhugePages=off)"), said[0]);
        assertTrue(said[1].contains("huge pages: THP_MEM_ALLOC_ENABLE=1"), said[1]);
        assertEquals(withoutTimes(out[0].resolve("cycles.csv")), withoutTimes(out[1].resolve("cycles.csv")));
        List<String> picks = Files.readAllLines(out[0].resolve("selections.csv"));
        assertTrue(picks.size() > 1, "picks were written");
        assertEquals(picks, Files.readAllLines(out[1].resolve("selections.csv")));
    }

    /** The rows of cycles.csv without the columns that hold seconds. */
    private static List<String> withoutTimes(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(",", -1));
        return lines.stream()
                .map(l -> {
                    String[] f = l.split(",", -1);
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < f.length; i++) {
                        if (!header.get(i).endsWith("_seconds")) {
                            b.append(f[i]).append(',');
                        }
                    }
                    return b.toString();
                })
                .toList();
    }
}

package org.ll4al.harness.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ll4al.harness.RunFixture;

/** {@code -Dbench} from the command line runs in a child JVM with a run's allocator and huge pages. */
class SupervisedBenchTest {

    @Test
    void theBenchChildGetsEveryBenchAndRunOptionAndTheEngineSettings() {
        Properties p = new Properties();
        p.setProperty("bench", "classification,coreset");
        p.setProperty("benchRounds", "12");
        p.setProperty("benchPython", "/opt/py/bin/python3"); // declared by the benchmark (Benchmark.PYTHON)
        p.setProperty("preset", "paper");
        p.setProperty("data", "../shared/data/cifar10");
        p.setProperty("supervise", "true");
        p.setProperty("ll4al.convGuard", "off");
        p.setProperty("ai.djl.pytorch.num_threads", "1");
        p.setProperty("ai.djl.offline", "false");
        p.setProperty("user.unrelated", "x");
        List<String> cmd = Supervisor.benchCommand(p);
        for (String arg : List.of(
                "-Dbench=classification,coreset",
                "-DbenchRounds=12",
                "-DbenchPython=/opt/py/bin/python3",
                "-Dpreset=paper",
                "-Ddata=../shared/data/cifar10",
                "-Dll4al.convGuard=off",
                "-Dai.djl.pytorch.num_threads=1",
                "-Dsupervise=false")) {
            assertTrue(cmd.contains(arg), arg + " in " + cmd);
        }
        assertEquals(
                1, cmd.stream().filter(a -> a.startsWith("-Dai.djl.offline=")).count(), cmd.toString());
        assertTrue(
                cmd.stream().noneMatch(a -> a.startsWith("-Duser.unrelated") || a.equals("-Dsupervise=true")),
                cmd.toString());
    }

    private static String runMain(Properties p, int[] status) throws Exception {
        Process parent = RunFixture.start(p, List.of(), true);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (var in = parent.getInputStream()) {
            in.transferTo(log);
        }
        assertTrue(parent.waitFor(120, TimeUnit.SECONDS), "the benchmark finished");
        status[0] = parent.exitValue();
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCommandLineBenchRunsInAChildWithTheAllocatorLinesAndPassesOnItsExitStatus() throws Exception {
        Properties p = new Properties();
        p.setProperty("supervise", "true");
        p.setProperty("bench", "coreset");
        p.setProperty("benchN", "300");
        p.setProperty("benchDim", "8");
        p.setProperty("benchPick", "10");
        p.setProperty("malloc", "system");
        p.setProperty("hugePages", "off");
        int[] status = new int[1];
        String text = runMain(p, status);
        assertEquals(0, status[0], text);
        // the parent says what its child gets (a LD_PRELOAD or THP_MEM_ALLOC_ENABLE set by the caller would win)
        assertTrue(text.contains("ll4al: native allocator: "), text);
        assertTrue(text.contains("ll4al: huge pages: "), text);
        assertTrue(text.contains("core-set greedy k-center: 300 unlabeled x 300 labeled x 8-d, pick 10"), text);

        p.setProperty("benchPick", "0"); // refused by the child: its error line and status 2 reach the caller
        text = runMain(p, status);
        assertEquals(2, status[0], text);
        assertTrue(text.contains("error: option benchPick='0'"), text);
    }
}

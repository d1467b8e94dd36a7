package org.ll4al.harness.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.harness.RunFixture;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;

/**
 * The supervisor relaunches a child that died of a native crash (SIGSEGV: the JVM writes its
 * crash log into the results folder) or of SIGKILL, and the run completes with the results of an
 * uninterrupted one; a child that keeps dying without progress stops the run with one error.
 */
class SupervisionTest {

    @TempDir
    Path tmp;

    private static Properties props(RunFixture f, Path out) {
        Properties p = f.smoke(out);
        p.setProperty("strategies", "random,lloss");
        p.setProperty("cycles", "3");
        p.setProperty("epochs", "3");
        p.setProperty("width", "0.25");
        return p;
    }

    private static int rows(Path out) {
        return ResultsReader.cycles(out).size();
    }

    /** The experiment JVM under the supervisor, once it has started. */
    private static ProcessHandle child(Process parent, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> c = javaChild(parent);
            if (c.isPresent()) {
                return c.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no child JVM appeared");
    }

    /** The supervisor's child JVM (the engine may start short-lived helper processes too). */
    private static Optional<ProcessHandle> javaChild(Process parent) {
        return parent.toHandle()
                .children()
                .filter(c -> c.info().command().map(x -> x.endsWith("/java")).orElse(false))
                .findFirst();
    }

    /**
     * Sends a signal to the supervisor's child, starting with {@code c}; when that child has
     * already ended (the engine's own native crashes, issue #13, end some on their own), to the
     * child relaunched after it. Returns the child that got the signal.
     */
    private static ProcessHandle signalLiveChild(Process parent, ProcessHandle c, String signal, long deadline)
            throws Exception {
        while (System.nanoTime() < deadline) {
            if (signalIfAlive(c, signal)) {
                return c;
            }
            assertTrue(parent.isAlive(), "the supervisor ended before a child could get SIG" + signal);
            long gone = c.pid();
            do {
                Thread.sleep(20);
                c = child(parent, deadline);
            } while (c.pid() == gone && System.nanoTime() < deadline);
        }
        throw new AssertionError("no live child to send SIG" + signal + " to");
    }

    /** Sends a signal; false when the process had already ended (the signal found no such process). */
    private static boolean signalIfAlive(ProcessHandle p, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid()))
                .redirectErrorStream(true)
                .start();
        String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (kill.waitFor() == 0) {
            return true;
        }
        assertTrue(!p.isAlive(), "kill -" + signal + " " + p.pid() + " failed on a live process: " + said);
        return false;
    }

    /** Drains a stream in the background so the process never blocks on a full pipe. */
    private static ByteArrayOutputStream drain(InputStream in) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Thread t = new Thread(() -> {
            try {
                in.transferTo(buf);
            } catch (IOException e) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
        return buf;
    }

    @Test
    void theChildGetsTheRunsOptionsAndTheEngineSettingsOnly() {
        Properties p = new Properties();
        p.setProperty("task", "classification");
        p.setProperty("supervise", "true");
        p.setProperty("out", "elsewhere");
        p.setProperty("ll4al.convGuard", "off");
        p.setProperty("ll4al.foldBatchNorm", "false");
        p.setProperty("ai.djl.pytorch.num_threads", "1");
        p.setProperty("ai.djl.offline", "false");
        p.setProperty("user.unrelated", "x");
        List<String> cmd = Supervisor.childCommand(p, tmp.resolve("out"), tmp.resolve("crashes"));
        for (String arg : List.of(
                "-Dtask=classification",
                "-Dll4al.convGuard=off",
                "-Dll4al.foldBatchNorm=false",
                "-Dai.djl.pytorch.num_threads=1",
                "-Dout=" + tmp.resolve("out"),
                "-Dsupervise=false",
                "-Dresume=true")) {
            assertTrue(cmd.contains(arg), arg + " in " + cmd);
        }
        assertEquals(
                1, cmd.stream().filter(a -> a.startsWith("-Dai.djl.offline=")).count(), cmd.toString());
        assertTrue(
                cmd.stream()
                        .noneMatch(a -> a.startsWith("-Duser.unrelated")
                                || a.equals("-Dout=elsewhere")
                                || a.equals("-Dsupervise=true")),
                cmd.toString());
    }

    @Test
    void crashedAndKilledChildrenAreRelaunchedAndTheResultsEqualAnUninterruptedRun() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Path reference = tmp.resolve("reference");
        assertEquals(0, f.run(props(f, reference)), f.stderr);

        Path out = tmp.resolve("supervised");
        Properties p = props(f, out);
        p.setProperty("supervise", "true");
        Process parent = RunFixture.start(p, List.of(), true);
        ByteArrayOutputStream log = drain(parent.getInputStream());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        ProcessHandle first = child(parent, deadline);
        while (rows(out) < 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        first = signalLiveChild(parent, first, "SEGV", deadline); // a native crash: the JVM aborts and writes hs_err
        first.onExit().get(60, TimeUnit.SECONDS);
        ProcessHandle second = child(parent, deadline);
        while ((rows(out) < 3 || second.pid() == first.pid()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            if (second.pid() == first.pid() || !second.isAlive()) {
                second = child(parent, deadline);
            }
        }
        signalLiveChild(parent, second, "KILL", deadline);
        assertTrue(parent.waitFor(240, TimeUnit.SECONDS), "the supervisor finished");
        String text = log.toString(StandardCharsets.UTF_8);
        assertEquals(0, parent.exitValue(), text);
        assertTrue(text.contains("ended abnormally (signal 6") || text.contains("ended abnormally (signal 11"), text);
        assertTrue(text.contains("ended abnormally (signal 9"), text);
        try (Stream<Path> crashes = Files.list(out.resolve("crashes"))) {
            assertTrue(
                    crashes.anyMatch(c -> c.getFileName().toString().startsWith("hs_err_pid")),
                    "the JVM's crash log is kept in the results folder");
        }
        List<CycleResult> ref = ResultsReader.cycles(reference);
        List<CycleResult> got = ResultsReader.cycles(out);
        assertEquals(ref.size(), got.size());
        for (CycleResult r : ref) {
            CycleResult g = got.stream()
                    .filter(x -> x.key().equals(r.key()) && x.cycle() == r.cycle())
                    .findFirst()
                    .orElseThrow();
            assertTrue(g.sameOutcome(r), g + " vs " + r);
        }
        assertEquals(
                Files.readString(reference.resolve("selections.csv")), Files.readString(out.resolve("selections.csv")));
    }

    @Test
    void aChildThatKeepsDyingWithoutProgressStopsTheRunNamingTheCycle() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Path out = tmp.resolve("dying");
        Properties p = props(f, out);
        p.setProperty("supervise", "true");
        p.setProperty("retries", "1");
        Process parent = RunFixture.start(p, List.of(), true);
        ByteArrayOutputStream log = drain(parent.getInputStream());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long killed = -1;
        int kills = 0;
        int endedBeforeTheKill = 0;
        while (parent.isAlive() && System.nanoTime() < deadline) {
            Optional<ProcessHandle> c = javaChild(parent);
            if (c.isPresent() && c.get().pid() != killed) {
                Thread.sleep(300); // before it can finish a cycle
                killed = c.get().pid();
                if (signalIfAlive(c.get(), "KILL")) {
                    kills++;
                } else {
                    endedBeforeTheKill++; // e.g. it failed to start on a loaded machine: a death all the same
                }
            }
            Thread.sleep(20);
        }
        assertTrue(parent.waitFor(30, TimeUnit.SECONDS));
        String text = log.toString(StandardCharsets.UTF_8);
        assertEquals(1, parent.exitValue(), text);
        assertTrue(kills >= 1, text);
        assertEquals(
                2,
                kills + endedBeforeTheKill,
                "children killed " + kills + ", ended before the kill " + endedBeforeTheKill + ": " + text);
        assertTrue(
                text.contains("2 times in a row without completing a cycle; it keeps dying in random trial 0 cycle 0"),
                text);
        assertEquals(0, rows(out));
    }
}

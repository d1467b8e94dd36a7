package org.ll4al.harness.supervise;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.ll4al.harness.options.OptionSpec;
import org.ll4al.harness.options.Options;
import org.ll4al.harness.run.Experiment;
import org.ll4al.harness.run.ResumePlan;
import org.ll4al.results.ResultsReader;

/**
 * Runs an experiment in a child JVM and relaunches it, resuming with the same results folder,
 * when it ends abnormally (a signal or a native crash: any exit status other than 0, 1 or 2).
 * The JVM's crash logs go to {@code <out>/crashes/}. After {@code retries} relaunches in a row
 * that complete no cycle, the run stops with one error naming the cycle it keeps dying in. The
 * child's standard error passes through {@link EngineWarnings}, which prints libtorch's
 * repeated log lines once.
 */
public final class Supervisor {

    private Supervisor() {}

    /**
     * Runs the experiment described by {@code props} (already validated into {@code o}) under
     * supervision; returns the exit status to end with.
     */
    public static int run(Properties props, Options o, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        Path base = Experiment.baseDir(o, out);
        Path dir = Experiment.shardDir(o, base);
        Path crashes = dir.resolve("crashes");
        Files.createDirectories(crashes);
        Map<String, String> env = childEnvironment(o.malloc, o.hugePages, out); // the same for every launch
        int withoutProgress = 0;
        for (int launch = 1; ; launch++) {
            int rowsBefore = rows(dir);
            int status = await(start(props, base, crashes, env), err);
            if (status == 0 || status == 1 || status == 2) {
                return status;
            }
            int rowsAfter = rows(dir);
            withoutProgress = rowsAfter > rowsBefore ? 1 : withoutProgress + 1;
            String how = status > 128 ? "signal " + (status - 128) + " (exit " + status + ")" : "exit " + status;
            String next = ResumePlan.next(o, ResultsReader.cycles(dir));
            if (withoutProgress > o.retries) {
                err.println("error: the experiment ended abnormally (" + how + ") " + withoutProgress
                        + " times in a row without completing a cycle; it keeps dying in " + next
                        + "; crash logs in " + crashes + " (-Dretries=" + o.retries + ")");
                return 1;
            }
            out.println("ll4al: the experiment ended abnormally (" + how + ") in " + next + " after " + rowsAfter
                    + " rows; crash log (if the JVM wrote one) in " + crashes + "; relaunching to resume ("
                    + withoutProgress + " of " + o.retries + " relaunches without progress)");
        }
    }

    private static int rows(Path dir) {
        return ResultsReader.cycles(dir).size();
    }

    private static Process start(Properties props, Path base, Path crashes, Map<String, String> env)
            throws IOException {
        return start(childCommand(props, base, crashes), env);
    }

    private static Process start(List<String> cmd, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .inheritIO()
                .redirectError(ProcessBuilder.Redirect.PIPE); // through EngineWarnings
        pb.environment().putAll(env);
        return pb.start();
    }

    /**
     * Runs a benchmark ({@code -Dbench}) in a child JVM with the native allocator and huge pages
     * that a run's child gets ({@code -Dmalloc}, {@code -DhugePages}), so that its figures are
     * those of a run without any {@code LD_PRELOAD} given by hand; returns the child's exit status.
     * A benchmark is not relaunched: a crash ends it.
     */
    public static int bench(Properties props, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        Map<String, String> env = childEnvironment(
                OptionSpec.value(props, OptionSpec.MALLOC), OptionSpec.value(props, OptionSpec.HUGE_PAGES), out);
        return await(start(benchCommand(props), env), err);
    }

    /** This JVM's environment with the child's allocator and huge pages applied; prints what it got. */
    private static Map<String, String> childEnvironment(String malloc, String hugePages, PrintStream out) {
        Map<String, String> env = new HashMap<>(System.getenv());
        out.println("ll4al: " + NativeAllocator.apply(malloc, env, NativeAllocator.TCMALLOC));
        out.println("ll4al: " + NativeAllocator.applyHugePages(hugePages, env, NativeAllocator.THP_SETTING));
        return env;
    }

    /** Waits for the child, its standard error copied through EngineWarnings; returns its exit status. */
    private static int await(Process child, PrintStream err) throws InterruptedException {
        Thread stderr = EngineWarnings.start(child.getErrorStream(), err);
        int status = child.waitFor();
        stderr.join(10_000); // its last lines and the count of repeated engine lines
        return status;
    }

    /**
     * The benchmark child's command line: every known option (a run's, the benchmark's) and the
     * engine settings, in this JVM.
     */
    static List<String> benchCommand(Properties props) {
        List<String> cmd = jvm();
        for (String k : new TreeSet<>(props.stringPropertyNames())) {
            boolean option = (OptionSpec.ALL.contains(k) || k.equals("bench")) && !k.equals("supervise");
            if (option || engine(k)) {
                cmd.add("-D" + k + "=" + props.getProperty(k));
            }
        }
        return main(cmd);
    }

    /**
     * Whether a property is an engine setting a child JVM reads itself: a declared engine switch
     * ({@link OptionSpec#ENGINE}, e.g. {@code ll4al.convGuard}) or one of DJL's {@code ai.djl.*}
     * (but {@code ai.djl.offline}, which the child always gets from this JVM).
     */
    static boolean engine(String k) {
        return OptionSpec.ENGINE.stream().anyMatch(o -> o.name().equals(k))
                || (k.startsWith("ai.djl.") && !k.equals("ai.djl.offline"));
    }

    private static List<String> jvm() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + Math.max(256, Runtime.getRuntime().maxMemory() / (1024 * 1024)) + "m");
        cmd.add("-XX:MaxDirectMemorySize=256m");
        return cmd;
    }

    private static List<String> main(List<String> cmd) {
        cmd.add("-Dsupervise=false");
        cmd.add("-Dai.djl.offline=" + System.getProperty("ai.djl.offline", "true"));
        cmd.add("-cp");
        cmd.add(Launcher.classPath());
        cmd.add(Launcher.MAIN_CLASS);
        return cmd;
    }

    /**
     * The child JVM's command line: the run's options, and the engine settings given as system
     * properties ({@code ll4al.*}, e.g. {@code ll4al.convGuard}, {@code ll4al.foldBatchNorm}; and
     * DJL's {@code ai.djl.*}, e.g. {@code ai.djl.pytorch.num_threads}), which the child reads itself.
     */
    static List<String> childCommand(Properties props, Path base, Path crashes) {
        List<String> cmd = jvm();
        cmd.add("-XX:ErrorFile=" + crashes.resolve("hs_err_pid%p.log"));
        for (String k : new TreeSet<>(props.stringPropertyNames())) {
            boolean option =
                    OptionSpec.RUNS.contains(k) && !k.equals("out") && !k.equals("resume") && !k.equals("supervise");
            if (option || engine(k)) {
                cmd.add("-D" + k + "=" + props.getProperty(k));
            }
        }
        cmd.add("-Dout=" + base);
        cmd.add("-Dresume=true"); // the folder was chosen above; a relaunch must resume it
        return main(cmd);
    }
}

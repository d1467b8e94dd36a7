package org.ll4al.harness;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.ll4al.harness.bench.Benchmark;
import org.ll4al.harness.options.OptionSources;
import org.ll4al.harness.options.OptionSpec;
import org.ll4al.harness.options.Options;
import org.ll4al.harness.run.Experiment;
import org.ll4al.harness.supervise.Launcher;
import org.ll4al.harness.supervise.Supervisor;
import org.ll4al.harness.tools.Download;
import org.ll4al.harness.tools.Portable;
import org.ll4al.harness.tools.Pretrain;
import org.ll4al.options.OptionException;
import org.ll4al.report.Report;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsException;
import org.ll4al.results.ResultsReader;
import org.ll4al.tasks.TaskDataException;
import org.ll4al.tasks.training.ExitGate;
import org.ll4al.tasks.training.TrainingDivergedException;

/**
 * Entry point of {@code mvn exec:java}: {@code -Dtask=classification|detection|pose} runs an
 * experiment (on the task's official dataset, fetched into the data cache, when no {@code -Ddata}
 * is given), {@code -Dbench=...} runs the benchmark, {@code -Dreport=DIR[,DIR]} redraws a report,
 * {@code -Ddownload=NAME} fetches a dataset, {@code -Dportable=DIR} makes a published run's paths
 * portable. Bad input ends with one {@code error:} line and exit status 2.
 */
public final class Main {

    /** How long a SIGTERM's exit waits for the libtorch batch in progress (Slurm's default KillWait is 30 s). */
    static final long EXIT_WAIT_SECONDS = 20;

    private Main() {}

    /**
     * Runs from system properties; exits non-zero on error. An experiment runs supervised in a
     * child JVM (relaunched to resume after a crash) unless {@code -Dsupervise=false}.
     */
    public static void main(String[] args) {
        boolean gate;
        try {
            gate = OptionSpec.value(System.getProperties(), ExitGate.OPTION); // false: only to reproduce the crash
        } catch (OptionException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (gate) {
            ExitGate.DEFAULT.installShutdownHook(EXIT_WAIT_SECONDS);
        }
        int status = run(System.getProperties(), System.out, System.err, true);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** {@code -Dreport=DIR[,DIR..]}: merges several folders (or a folder of shards) into {@code -Dout}, then draws. */
    private static int report(Properties props, PrintStream out) {
        List<Path> given = new ArrayList<>();
        for (String s : props.getProperty("report").split(",")) {
            if (!s.isBlank()) {
                given.add(Path.of(s.trim()));
            }
        }
        if (given.isEmpty()) {
            throw new OptionException("report", props.getProperty("report"), "a comma list of results folders");
        }
        String o = props.getProperty("out", "");
        Report.fromFolders(given, o.isBlank() ? null : Path.of(o), out);
        return 0;
    }

    private static int devices(String v) {
        return OptionSpec.DEVICES.parse(v.trim());
    }

    private static void drawReport(Path dir, PrintStream out) {
        if (ResultsReader.cycles(dir).stream().noneMatch(CycleResult::isOk)) {
            out.println("no completed cycle: no chart drawn");
            return;
        }
        for (Path f : Report.draw(List.of(dir), dir)) {
            out.println("wrote " + f);
        }
    }

    /** Runs from the given properties in this JVM; returns the exit status (0 ok, 1 failure, 2 bad input). */
    public static int run(Properties props, PrintStream out, PrintStream err) {
        return run(props, out, err, false);
    }

    private static int run(Properties props, PrintStream out, PrintStream err, boolean commandLine) {
        System.setProperty("java.awt.headless", "true");
        try {
            OptionSpec.checkEngine(props);
            if (props.getProperty("help") != null) {
                if (!"markdown".equals(props.getProperty("help"))) {
                    out.print(OptionSpec.usage());
                } else if (props.getProperty("out") == null) {
                    out.print(OptionSpec.markdown());
                } else {
                    Path page = Path.of(props.getProperty("out"));
                    Files.writeString(page, OptionSpec.markdown());
                    out.println("wrote " + page);
                }
                return 0;
            }
            if (props.getProperty("report") != null) {
                return report(props, out);
            }
            if (props.getProperty("download") != null) {
                return Download.run(props, out);
            }
            if (props.getProperty("portable") != null) {
                return Portable.run(props, out);
            }
            if (props.getProperty("pretrain") != null) {
                return Pretrain.run(props, out);
            }
            if (props.getProperty("bench") != null) {
                if (commandLine && OptionSpec.value(props, OptionSpec.SUPERVISE)) {
                    return Supervisor.bench(props, out, err); // with a run's allocator and huge pages
                }
                Benchmark.run(props.getProperty("bench"), props, out);
                return 0;
            }
            int devices = devices(props.getProperty("devices", "1"));
            props = Download.withData(props, () -> Engine.getInstance().getGpuCount() > 0, out);
            if (devices > 1) {
                return Launcher.run(props, devices, out, err);
            }
            boolean gpu = Engine.getInstance().getGpuCount() > 0;
            Map<String, String> values = OptionSources.collect(props, gpu);
            Options o = new Options(values);
            OptionSpec.warnMisspelt(props, err);
            if (commandLine && o.supervise) {
                return Supervisor.run(props, o, out, err);
            }
            out.printf(
                    "ll4al: task %s, preset %s%s; strategies %s x %d trials x %d cycles (initial %d, +%d per cycle,"
                            + " subset %d), %d epochs, batch %d, width %s, seed %d%n",
                    o.task,
                    o.preset,
                    props.getProperty("preset") == null ? (gpu ? " (GPU found)" : " (no GPU found)") : "",
                    String.join(",", o.strategies),
                    o.trials,
                    o.cycles,
                    o.initial,
                    o.budget,
                    o.subset,
                    o.train().epochs(),
                    o.train().batch(),
                    o.get("width"),
                    o.seed);
            Experiment.Outcome outcome = new Experiment(o, out).run();
            drawReport(outcome.dir(), out);
            out.println("done: " + outcome.dir().toAbsolutePath());
            if (!outcome.failed().isEmpty()) {
                err.println("error: " + outcome.failed().size() + " run(s) stopped on a non-finite loss: "
                        + String.join(", ", outcome.failed()) + "; the others completed; details in "
                        + outcome.dir().resolve("cycles.csv"));
                return 1;
            }
            return 0;
        } catch (OptionException | TaskDataException | ResultsException | TrainingDivergedException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        } catch (IllegalArgumentException | IllegalStateException | IOException | UncheckedIOException e) {
            err.println("error: " + e);
            return 2;
        } catch (RuntimeException e) {
            err.println("error: unexpected failure (a bug, please report it with the output above): " + e);
            e.printStackTrace(err);
            return 1;
        }
    }
}

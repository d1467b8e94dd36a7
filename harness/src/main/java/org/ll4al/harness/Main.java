package org.ll4al.harness;

import ai.djl.engine.Engine;
import java.io.PrintStream;
import java.util.Map;
import org.ll4al.results.ResultsException;
import org.ll4al.tasks.TaskDataException;
import org.ll4al.tasks.learn.TrainingDivergedException;

/**
 * Entry point of {@code mvn exec:java}: {@code -Dtask=classification|detection|pose} runs an
 * experiment, {@code -Dbench=...} runs the benchmark, {@code -Dreport=DIR[,DIR]} redraws a report.
 * Bad input ends with one {@code error:} line and exit status 2.
 */
public final class Main {

    private Main() {}

    /** Runs from system properties; exits non-zero on error. */
    public static void main(String[] args) {
        int status = run(System.getProperties(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs from the given properties; returns the exit status (0 ok, 2 bad input or failure). */
    public static int run(java.util.Properties props, PrintStream out, PrintStream err) {
        System.setProperty("java.awt.headless", "true");
        try {
            if (props.getProperty("bench") != null) {
                Benchmark.run(props.getProperty("bench"), out);
                return 0;
            }
            boolean gpu = Engine.getInstance().getGpuCount() > 0;
            Map<String, String> values = OptionSources.collect(props, gpu);
            Options o = new Options(values);
            out.printf("ll4al: task %s, preset %s%s; strategies %s x %d trials x %d cycles (initial %d, +%d per cycle,"
                    + " subset %d), %d epochs, batch %d, width %s, seed %d%n", o.task, o.preset,
                    props.getProperty("preset") == null ? (gpu ? " (GPU found)" : " (no GPU found)") : "",
                    String.join(",", o.strategies), o.trials, o.cycles, o.initial, o.budget, o.subset, o.train().epochs(),
                    o.train().batch(), o.get("width"), o.seed);
            Experiment.Outcome outcome = new Experiment(o, out).run();
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
        } catch (IllegalArgumentException | IllegalStateException | java.io.IOException e) {
            err.println("error: " + e);
            return 2;
        } catch (RuntimeException e) {
            err.println("error: unexpected failure (a bug, please report it with the output above): " + e);
            e.printStackTrace(err);
            return 1;
        }
    }
}

package org.ll4al.harness.run;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ll4al.harness.options.Options;
import org.ll4al.options.OptionException;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;
import org.ll4al.results.ResultsStore;
import org.ll4al.results.RunManifest;
import org.ll4al.results.SelectionRecord;
import org.ll4al.selection.Strategies;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.Tasks;
import org.ll4al.tasks.nn.ConvolutionSelfCheck;
import org.ll4al.tasks.training.SignalCheck;

/** Runs the grid of (strategy, trial) of one task into one results folder, resuming what exists. */
public final class Experiment {

    private final Options o;
    private final PrintStream out;

    public Experiment(Options o, PrintStream out) {
        this.o = o;
        this.out = out;
    }

    /** Resolves {@code cpu | gpu | auto} to a device. */
    public static Device device(String choice) {
        int gpus = Engine.getInstance().getGpuCount();
        return switch (choice) {
            case "gpu" -> {
                if (gpus == 0) {
                    throw new OptionException(
                            "device",
                            choice,
                            "cpu or auto: no GPU is visible to the PyTorch engine"
                                    + " (build with -Pgpu on a CUDA machine)");
                }
                yield Device.gpu();
            }
            case "cpu" -> Device.cpu();
            default -> gpus > 0 ? Device.gpu() : Device.cpu();
        };
    }

    /**
     * What a run produced.
     *
     * @param dir the results folder
     * @param failed the (strategy, trial) runs that stopped on a non-finite loss
     */
    public record Outcome(Path dir, List<String> failed) {}

    /** Runs everything; returns the results folder and the failed runs. */
    public Outcome run() throws IOException {
        Device device = device(o.device);
        try (ActiveLearningTask task = Tasks.byName(o.task).create(o.taskConfig())) {
            out.println(task.describe());
            checkStrategies(task);
            long need = o.initial + (long) o.budget * (o.cycles - 1);
            if (need > task.poolSize()) {
                throw new OptionException(
                        "budget",
                        Integer.toString(o.budget),
                        "initial + budget x (cycles - 1) = " + need + " to fit in the pool of " + task.poolSize()
                                + " samples");
            }
            Path dir = resultsDir();
            ResultsStore store = ResultsStore.open(dir);
            RunManifest manifest = manifest(store, device);
            store.writeManifest(manifest);
            out.println("results: " + dir.toAbsolutePath());
            List<CycleResult> done = store.cycles();
            List<SelectionRecord> picked = store.selections();
            TrialRunner runner = new TrialRunner(o, task, store, device, out, System.console() != null);
            List<String> failed = new ArrayList<>();
            for (ResumePlan.Run planned : ResumePlan.of(o, done)) {
                if (!runner.run(planned, picked)) {
                    failed.add(
                            planned.key().strategy() + "/trial" + planned.key().trial());
                }
            }
            manifest.setFinished(OffsetDateTime.now().toString());
            store.writeManifest(manifest);
            return new Outcome(dir, failed);
        }
    }

    /**
     * Fails before any training when a strategy is not defined for the task (naming both) or
     * needs something the configuration lacks.
     */
    private void checkStrategies(ActiveLearningTask task) {
        for (String name : o.strategies) {
            var strategy = Strategies.byName(name);
            SignalCheck.unmet(
                            task,
                            strategy.requiredSignals(),
                            task.newTargetModel().block())
                    .ifPresent(why -> {
                        throw new OptionException(
                                "strategies",
                                name,
                                "strategies defined for task " + task.name() + "; " + name + " is not: " + why);
                    });
        }
    }

    private Path resultsDir() {
        return shardDir(o, baseDir(o, out));
    }

    /** The results folder named by {@code out} (a new timestamped one when blank, or with resume=false over results). */
    public static Path baseDir(Options o, PrintStream out) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path base = o.out.isBlank() ? Path.of("results", o.task + "-" + stamp) : Path.of(o.out);
        if (!o.resume && Files.exists(base.resolve("cycles.csv"))) {
            base = Path.of(base + "-" + stamp);
            out.println("resume=false: starting over in " + base);
        }
        return base;
    }

    /** The folder this shard writes: {@code base}, or {@code base/shard-i-of-n}. */
    public static Path shardDir(Options o, Path base) {
        return o.shardCount > 1 ? base.resolve("shard-" + o.shardIndex + "-of-" + o.shardCount) : base;
    }

    /** True when a results folder has no cycle row, no pick and no checkpoint: nothing a new configuration could mix with. */
    private static boolean holdsNoResults(ResultsStore store) throws IOException {
        if (!store.cycles().isEmpty() || !store.selections().isEmpty()) {
            return false;
        }
        Path checkpoints = store.dir().resolve("checkpoints");
        if (!Files.isDirectory(checkpoints)) {
            return true;
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.findAny().isEmpty();
        }
    }

    /** How this process computes convolutions (docs/reliability.md: "Wrong convolutions on some CPUs"). */
    static String convolutions() {
        String flag = "-D" + ConvolutionSelfCheck.PROPERTY + "=" + ConvolutionSelfCheck.mode();
        if (ConvolutionSelfCheck.finding() != null) {
            return "channels padded to multiples of 16 (" + flag + "): " + ConvolutionSelfCheck.finding();
        }
        if (ConvolutionSelfCheck.padsChannels()) {
            return "channels padded to multiples of 16 (" + flag + ")";
        }
        return "engine's own (" + flag
                + ("off".equals(ConvolutionSelfCheck.mode()) ? ", not checked)" : ", checked correct)");
    }

    private RunManifest manifest(ResultsStore store, Device device) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("device", device.toString());
        env.put(
                "engine",
                Engine.getInstance().getEngineName() + " "
                        + Engine.getInstance().getVersion());
        env.put("djl", Engine.getDjlVersion());
        env.put("java", System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("convolutions", convolutions());
        RunManifest fresh = new RunManifest(o.asConfig(), env);
        fresh.setSessionOptions(o.sessionNames());
        fresh.setPathOptions(o.pathNames());
        fresh.setControls(o.strategies.stream()
                .filter(s -> Strategies.byName(s).readsLabels())
                .toList());
        RunManifest old = ResultsReader.manifest(store.dir());
        if (old == null) {
            fresh.setStarted(OffsetDateTime.now().toString());
            return fresh;
        }
        Set<String> ignored =
                Set.of("strategies"); // strategies may be added to a run: seeds depend on (trial, purpose, cycle) only
        List<String> diff = old.differences(fresh, ignored, o.portablePaths());
        if (!diff.isEmpty() && holdsNoResults(store)) {
            // a run that stopped before its first cycle (e.g. a bad -Dpretrained file) left only run.json
            out.println("taking the new configuration for " + store.dir() + ": it holds no results yet (was "
                    + String.join("; ", diff) + ")");
            fresh.setStarted(OffsetDateTime.now().toString());
            return fresh;
        }
        if (!diff.isEmpty()) {
            throw new OptionException(
                    "out",
                    store.dir().toString(),
                    "a folder of the same experiment; its run.json differs in " + String.join("; ", diff)
                            + " (use another -Dout, or -Dresume=false to start over in a new folder)");
        }
        String before = old.config().getOrDefault("strategies", "");
        LinkedHashSet<String> all = new LinkedHashSet<>(
                List.of(before.split(",")).stream().filter(s -> !s.isBlank()).toList());
        List<String> added = o.strategies.stream().filter(s -> !all.contains(s)).toList();
        if (!added.isEmpty() && !before.isBlank()) {
            out.println("adding " + String.join(",", added) + " to the strategies of " + store.dir() + " (" + before
                    + "): same initial sets, subsets and shared cycle 0, so the new trials pair with the old");
        }
        all.addAll(o.strategies);
        fresh.config().put("strategies", String.join(",", all));
        Set<String> controls = new TreeSet<>(old.controls());
        controls.addAll(fresh.controls());
        fresh.setControls(controls);
        fresh.setStarted(old.started());
        return fresh;
    }
}

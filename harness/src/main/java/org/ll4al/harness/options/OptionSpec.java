package org.ll4al.harness.options;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.ll4al.options.Option;
import org.ll4al.options.OptionTable;
import org.ll4al.selection.Strategies;
import org.ll4al.tasks.TaskConfig;
import org.ll4al.tasks.TaskProvider;
import org.ll4al.tasks.Tasks;
import org.ll4al.tasks.classification.ConvBatchNorm;
import org.ll4al.tasks.data.OfficialDataset;
import org.ll4al.tasks.nn.ConvolutionSelfCheck;
import org.ll4al.tasks.training.ExitGate;
import org.ll4al.tasks.training.IsalSettings;
import org.ll4al.tasks.training.TrainSettings;

/**
 * The options the harness itself reads (the experiment grid, where results go, supervision) and
 * the table of every option of a run, assembled from the declarations of their owners: these,
 * {@link TrainSettings#OPTIONS}, {@link IsalSettings#OPTIONS}, {@link TaskConfig#OPTIONS},
 * {@link DataCacheOptions#OPTIONS} and each task provider's {@link TaskProvider#options()}; besides them
 * the benchmark's ({@link BenchOptions#OPTIONS}) and the engine switches ({@link #ENGINE}). Used to
 * pick options out of system properties and config files, to check values and to print usage.
 */
public final class OptionSpec {

    public static final Option<String> TASK = Option.oneOf(
            "task", null, "classification | detection | pose", Tasks.names().toArray(String[]::new));
    static final Option<String> PRESET = Option.text(
            "preset",
            null,
            "paper | cpu | smoke, and cpu-long (classification, detection) | cpu-lsp (pose) (default: paper with a GPU, else cpu)");
    static final Option<String> CONFIG = Option.text(
                    "config", "", "properties file with any of these options (explicit -D options win)")
            .session()
            .pathValued();
    static final Option<List<String>> STRATEGIES =
            Option.names("strategies", null, "comma list of selection strategies", Strategies.names());
    static final Option<Integer> TRIALS =
            Option.integer("trials", 1, null, "repeated trials, each with its own seeded initial set");
    static final Option<Integer> CYCLES =
            Option.integer("cycles", 1, null, "active-learning cycles (the first trains on the initial set)");
    static final Option<Integer> INITIAL = Option.integer("initial", 1, null, "initial labeled set size");
    static final Option<Integer> BUDGET = Option.integer("budget", 1, null, "samples labeled per cycle");
    static final Option<Integer> SUBSET =
            Option.integer("subset", 1, null, "random subset of the unlabeled pool scored per cycle (>= budget)");
    static final Option<Boolean> REINIT = Option.bool("reinit", "false", "true: re-initialise the model every cycle");
    static final Option<Integer> INITIAL_EPOCHS = Option.integer(
            "initialEpochs", 0, "0", "epochs of cycle 0 (0 = epochs); milestones and detachEpoch scale with it");
    static final Option<Boolean> SHARE_CYCLE0 = Option.bool(
                    "shareCycle0",
                    "true",
                    "train cycle 0 once per trial and start every strategy from it (same results)")
            .session();
    public static final Option<Long> SEED =
            Option.longInteger("seed", "0", "experiment seed (initial sets, subsets, selections, init)");
    static final Option<String> OUT = Option.text("out", "", "results folder (default results/<task>-<timestamp>)")
            .session()
            .pathValued();
    static final Option<Boolean> RESUME = Option.bool("resume", "true", "false: never reuse an existing results folder")
            .session();
    static final Option<String> DEVICE = Option.oneOf("device", "auto", "cpu | gpu | auto", "cpu", "gpu", "auto")
            .session();
    static final Option<int[]> SHARD = Option.of(
                    "shard",
                    "0/1",
                    "i/n: run only the i-th of n slices of the (strategy, trial) grid",
                    "i/n with n >= 1 and 0 <= i < n",
                    s -> {
                        String[] parts = s.split("/");
                        int i = Integer.parseInt(parts[0].trim());
                        int n = Integer.parseInt(parts[1].trim());
                        return parts.length == 2 && n >= 1 && i >= 0 && i < n ? new int[] {i, n} : null;
                    })
            .session();
    public static final Option<Boolean> SUPERVISE = Option.bool(
                    "supervise",
                    "true",
                    "run the experiment in a child JVM, relaunched to resume after a crash or kill (a -Dbench: in a child JVM, not relaunched)")
            .session();
    static final Option<Integer> RETRIES = Option.integer(
                    "retries", 0, "3", "relaunches in a row without a completed cycle before a crashing run stops")
            .session();
    public static final Option<String> MALLOC = Option.oneOf(
                    "malloc",
                    "auto",
                    "native allocator of the supervised child JVM (a run's or a -Dbench's): auto (tcmalloc when installed),"
                            + " tcmalloc, system",
                    "auto",
                    "tcmalloc",
                    "system")
            .session();
    public static final Option<String> HUGE_PAGES = Option.oneOf(
                    "hugePages",
                    "auto",
                    "libtorch's transparent huge pages for tensors of 2 MiB or more in the supervised child JVM (a run's or a -Dbench's)"
                            + " (THP_MEM_ALLOC_ENABLE=1): auto (when the kernel offers them), on, off",
                    "auto",
                    "on",
                    "off")
            .session();
    static final Option<Boolean> RETRY_FAILED = Option.bool(
                    "retryFailed",
                    "false",
                    "true: re-run (strategy, trial)s whose cycle failed (non-finite loss) on resume")
            .session();
    public static final Option<Integer> DEVICES = Option.integer(
                    "devices", 1, "1", "N > 1: run N shards side by side (one per GPU) and merge them")
            .session();
    static final Option<Integer> MC_PASSES =
            Option.integer("mcPasses", 2, "20", "bald: stochastic MC-dropout passes per scored sample");
    static final Option<Integer> COMMITTEE = Option.integer(
            "committee", 2, "3", "committee: members trained per cycle (the main model + M-1 more; M x training cost)");

    static final Option<Boolean> SAMPLE_LOSSES = Option.bool(
                    "sampleLosses",
                    "false",
                    "true: write every sample's true and predicted loss (evaluation set, scored subset, labeled set) per cycle"
                            + " to sample_losses.csv, for studying the loss module's ranking per sample")
            .session();

    /** The options the harness reads, in help order. */
    static final List<Option<?>> RUN = List.of(
            TASK,
            PRESET,
            CONFIG,
            STRATEGIES,
            TRIALS,
            CYCLES,
            INITIAL,
            BUDGET,
            SUBSET,
            REINIT,
            INITIAL_EPOCHS,
            SHARE_CYCLE0,
            SEED,
            OUT,
            RESUME,
            DEVICE,
            SHARD,
            SUPERVISE,
            RETRIES,
            MALLOC,
            HUGE_PAGES,
            RETRY_FAILED,
            DEVICES,
            MC_PASSES,
            COMMITTEE,
            SAMPLE_LOSSES);

    /**
     * The engine switches: JVM-wide system properties read where the engine is used (not per run,
     * not in a config file); a supervised run, a {@code -Dbench} and each {@code -Ddevices} shard
     * pass them to their child JVMs.
     */
    public static final List<Option<?>> ENGINE =
            List.of(ConvolutionSelfCheck.OPTION, ConvBatchNorm.FOLD, ExitGate.OPTION);

    /** Every option of a run of any task, for picking options out of system properties and config files. */
    public static final OptionTable RUNS = runs();

    /** Every option: a run's of any task, the benchmark's and the engine switches (what {@code -D} names are known). */
    public static final OptionTable ALL = OptionTable.of(RUNS.options(), BenchOptions.OPTIONS, ENGINE);

    /** Properties that select another command instead of a run: report drawing/merging and benchmarks. */
    public static final Map<String, String> COMMANDS = Map.of(
            "report",
            "DIR[,DIR..]: merge results folders (or a folder of shard-*) and draw curves and summary",
            "bench",
            "coreset | strategies | classification | detection | pose, or several separated by commas:"
                    + " print throughput figures (-DbenchCompare=pytorch: side by side with the Python reference;"
                    + " docs/benchmarks.md)",
            "pretrain",
            "vgg: pretrain the SSD's VGG base on CIFAR-10 (-Ddata) and write -Dout for -Dpretrained",
            "download",
            "DATASET[,DATASET..] or a task: fetch, check and unpack official datasets into -DdataCache and"
                    + " print the -Ddata of each (docs/data.md)",
            "portable",
            "DIR: rewrite the path options of DIR/run.json and DIR/OPTIONS without this machine's absolute"
                    + " paths (scripts/publish-run.sh)",
            "help",
            "print this list (-Dhelp=markdown: as a Markdown page; with -Dout=docs/options.md, written there)");

    private OptionSpec() {}

    /** The options a run of this task reads: the harness's, training's, ISAL's, every task's, the data cache's and the task's own. */
    static OptionTable forTask(TaskProvider task) {
        return OptionTable.of(
                RUN,
                TrainSettings.OPTIONS,
                IsalSettings.OPTIONS,
                TaskConfig.OPTIONS,
                DataCacheOptions.OPTIONS,
                task.options());
    }

    /**
     * An option's value from properties ({@code -D} options), or its default when absent or blank.
     *
     * @throws org.ll4al.options.OptionException for a bad value, naming the option
     */
    public static <T> T value(Properties props, Option<T> option) {
        String v = props.getProperty(option.name());
        return option.parse(v == null || v.isBlank() ? option.defaultValue() : v.trim());
    }

    /**
     * Checks the engine switches given as properties, so that a bad value stops the command at
     * start with one error (the code that reads them reads them later, deep in a run).
     */
    public static void checkEngine(Properties props) {
        for (Option<?> o : ENGINE) {
            value(props, o);
        }
    }

    private static OptionTable runs() {
        OptionTable t = OptionTable.of(
                RUN, TrainSettings.OPTIONS, IsalSettings.OPTIONS, TaskConfig.OPTIONS, DataCacheOptions.OPTIONS);
        for (String name : Tasks.names()) {
            t.addAll(Tasks.byName(name).options());
        }
        return t;
    }

    /** The task that declares an option of this name, or null when it is not a task's own option. */
    static String ownerTask(String name) {
        for (String task : Tasks.names()) {
            if (Tasks.byName(task).options().stream().anyMatch(o -> o.name().equals(name))) {
                return task;
            }
        }
        return null;
    }

    /**
     * Warns about each given property that is no option but looks like one (Maven passes unknown
     * {@code -D} options on silently): a case slip, an edit distance of at most 2, or a singular
     * or plural of a known name.
     */
    public static void warnMisspelt(Properties given, PrintStream err) {
        for (String name : given.stringPropertyNames()) {
            if (ALL.contains(name) || COMMANDS.containsKey(name) || name.contains(".") && !name.startsWith("ll4al.")) {
                continue;
            }
            String guess = closest(name);
            if (guess != null) {
                err.println("warning: -D" + name + " is not an option and is ignored; did you mean -D" + guess + "?");
            }
        }
    }

    /** The known option a name most likely misspells, or null. */
    public static String closest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        List<String> known = new ArrayList<>(ALL.names());
        known.addAll(COMMANDS.keySet());
        for (String k : known) {
            String a = name.toLowerCase(Locale.ROOT);
            String b = k.toLowerCase(Locale.ROOT);
            int d = a.equals(b) ? 0 : editDistance(a, b);
            boolean stem = a.length() >= 5
                    && b.length() >= 5
                    && (a.startsWith(b.substring(0, b.length() - 2)) || b.startsWith(a.substring(0, a.length() - 1)))
                    && Math.abs(a.length() - b.length()) <= 3;
            if ((d <= 2 && Math.min(a.length(), b.length()) >= 4 || stem) && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The help's sections in order: a title and its rows {name, help, default}. */
    private static Map<String, List<String[]>> sections() {
        Map<String, List<String[]>> m = new LinkedHashMap<>();
        m.put("experiment", rows(RUN));
        m.put("training", rows(TrainSettings.OPTIONS));
        m.put("every task", rows(TaskConfig.OPTIONS));
        for (String name : Tasks.names()) {
            m.put(name, rows(Tasks.byName(name).options()));
        }
        m.put("isal", rows(IsalSettings.OPTIONS));
        m.put("data cache (-Ddownload, a run without -Ddata)", rows(DataCacheOptions.OPTIONS));
        List<String[]> datasets = new ArrayList<>();
        for (OfficialDataset d : DataCacheOptions.datasets().values()) {
            datasets.add(new String[] {d.name(), d.description(), null});
        }
        m.put("official datasets (-Ddownload=NAME; docs/data.md)", datasets);
        List<String[]> strategies = new ArrayList<>();
        for (String name : Strategies.names()) {
            strategies.add(new String[] {name, Strategies.byName(name).description(), null});
        }
        m.put("strategies (-Dstrategies=a,b,...)", strategies);
        List<String[]> commands = new ArrayList<>();
        new TreeMap<>(COMMANDS).forEach((k, v) -> commands.add(new String[] {k, v, null}));
        m.put("commands", commands);
        m.put("benchmark (-Dbench)", rows(BenchOptions.OPTIONS));
        m.put("engine (JVM-wide system properties, passed to a supervised child JVM)", rows(ENGINE));
        return m;
    }

    private static List<String[]> rows(List<Option<?>> options) {
        List<String[]> out = new ArrayList<>();
        for (Option<?> o : options) {
            String def = o.defaultValue() == null ? "preset" : o.defaultValue().isEmpty() ? "none" : o.defaultValue();
            out.add(new String[] {o.name(), o.help(), def});
        }
        return out;
    }

    /** What {@code -Dhelp} prints: every option with its help and default, strategies and commands. */
    public static String usage() {
        StringBuilder sb = new StringBuilder(
                "options (-Dname=value or in -Dconfig=FILE; [default], [preset]: set by" + " the task's preset):\n");
        sections().forEach((title, rows) -> {
            sb.append(title).append(":\n");
            for (String[] r : rows) {
                sb.append(String.format("  %-16s %s%s%n", r[0], r[1], r[2] == null ? "" : " [" + r[2] + "]"));
            }
        });
        return sb.toString();
    }

    /** The same as a Markdown page ({@code -Dhelp=markdown}; docs/options.md is this text). */
    public static String markdown() {
        StringBuilder sb =
                new StringBuilder("# Options\n\nGenerated by `mvn -q exec:java -Dhelp=markdown -Dout=docs/options.md`"
                        + " (a test fails when this page and `-Dhelp` drift apart). Give an option as `-Dname=value` or in"
                        + " `-Dconfig=FILE`; *preset*: the task's preset sets it.\n");
        sections().forEach((title, rows) -> {
            boolean options = rows.stream().anyMatch(r -> r[2] != null);
            sb.append("\n## ").append(title).append("\n\n");
            sb.append(
                    options
                            ? "| option | what it does | default |\n|---|---|---|\n"
                            : "| name | what it does |\n|---|---|\n");
            for (String[] r : rows) {
                sb.append("| `").append(r[0]).append("` | ").append(r[1].replace("|", "\\|"));
                sb.append(options ? " | " + r[2].replace("|", "\\|") + " |\n" : " |\n");
            }
        });
        return sb.toString();
    }
}

package org.ll4al.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ll4al.selection.LossPredictionLoss;
import org.ll4al.selection.Strategies;
import org.ll4al.tasks.TaskConfig;
import org.ll4al.tasks.Tasks;
import org.ll4al.tasks.learn.IsalSettings;
import org.ll4al.tasks.learn.TrainSettings;

/**
 * Every option of an experiment, parsed and validated in this one place: a bad value gives an
 * {@link OptionException} naming the option, the value found and what is allowed.
 */
public final class Options {

    private final Map<String, String> raw;
    final String task;
    final String preset;
    final List<String> strategies;
    final int trials;
    final int cycles;
    final int initial;
    final int budget;
    final int subset;
    final boolean reinit;
    final int initialEpochs;
    final boolean shareCycle0;
    final long seed;
    final Path data;
    final String out;
    final boolean resume;
    final String device;
    final boolean supervise;
    final int retries;
    final boolean retryFailed;
    final int mcPasses;
    final int committee;
    final IsalSettings isal;
    final int shardIndex;
    final int shardCount;
    private final TrainSettings train;
    private final TaskConfig taskConfig;

    /** Parses a complete option map (preset values already merged in). */
    public Options(Map<String, String> values) {
        raw = new TreeMap<>(values);
        task = oneOf("task", Tasks.names());
        preset = oneOf("preset", Set.of("paper", "cpu", "cpu-long", "smoke"));
        strategies = list("strategies", Strategies.names());
        trials = integer("trials", 1);
        cycles = integer("cycles", 1);
        initial = integer("initial", 1);
        budget = integer("budget", 1);
        subset = integer("subset", 1);
        if (subset < budget) {
            throw new OptionException("subset", get("subset"), "a number >= budget (" + budget + ")");
        }
        int epochs = integer("epochs", 1);
        int batch = integer("batch", 2);
        float lr = positive("lr");
        int[] milestones = milestones();
        float momentum = real("momentum", 0, 1, false);
        float weightDecay = real("weightDecay", 0, Float.MAX_VALUE, true);
        String optimizer = oneOf("optimizer", Set.of("sgd", "rmsprop"));
        float margin = real("margin", 0, Float.MAX_VALUE, true);
        float lambda = real("lambda", 0, Float.MAX_VALUE, true);
        String lossKind = oneOf("lossKind", Set.of("ranking", "mse"));
        int detachEpoch = integer("detachEpoch", 0);
        train = new TrainSettings(epochs, batch, lr, milestones, momentum, weightDecay, optimizer, lambda, margin,
                detachEpoch, LossPredictionLoss.Kind.valueOf(lossKind.toUpperCase(java.util.Locale.ROOT)),
                integer("warmupEpochs", 0), real("clipGradient", 0, Float.MAX_VALUE, true));
        oneOf("augment", Set.of("ssd", "flip", "none"));
        oneOf("normalize", Set.of("image", "batch"));
        double width = real("width", 0, 8, true);
        if (width == 0) {
            throw new OptionException("width", get("width"), "a number in (0, 8]");
        }
        reinit = bool("reinit");
        initialEpochs = integer("initialEpochs", 0);
        shareCycle0 = bool("shareCycle0");
        seed = longValue("seed");
        String d = get("data");
        if (d == null || d.isBlank()) {
            throw new OptionException("data", d, "the dataset folder (-Ddata=DIR)");
        }
        data = Path.of(d);
        out = get("out") == null ? "" : get("out");
        resume = bool("resume");
        device = oneOf("device", Set.of("cpu", "gpu", "auto"));
        integer("devices", 1);
        supervise = bool("supervise");
        retries = integer("retries", 0);
        retryFailed = bool("retryFailed");
        int[] shard = shard();
        shardIndex = shard[0];
        shardCount = shard[1];
        real("dropout", 0, 1, false);
        mcPasses = integer("mcPasses", 2);
        committee = integer("committee", 2);
        isal = new IsalSettings(real("isalDamping", 0, 1, false), positive("isalScale"), integer("isalDepth", 1),
                integer("isalChains", 1), integer("isalTopK", 1), positive("isalStep"),
                oneOf("isalParams", Set.of("all", "last")).equals("last"), integer("isalReference", 1),
                oneOf("isalReferenceSet", Set.of("pool", "eval")).equals("eval"));
        oneOf("apMethod", Set.of("11point", "area"));
        oneOf("batchNorm", Set.of("", "true", "false"));
        bool("synthetic");
        String pre = get("pretrained");
        taskConfig = new TaskConfig(data, seed, width, integer("poolLimit", 0), integer("evalLimit", 0),
                integer("imageSize", 0), integer("stacks", 1), pre == null || pre.isBlank() ? null : Path.of(pre),
                csv("classes"), Collections.unmodifiableMap(raw));
    }

    /** Training hyperparameters of a cycle. */
    public TrainSettings train() {
        return train;
    }

    /** What the task needs to load data and build its model. */
    public TaskConfig taskConfig() {
        return taskConfig;
    }

    /** The options that define the experiment (for run.json and merge checks). */
    public Map<String, String> asConfig() {
        Map<String, String> m = new TreeMap<>(raw);
        m.remove("config");
        return m;
    }

    /** The raw value of an option, or null. */
    String get(String name) {
        return raw.get(name);
    }

    private String oneOf(String name, Set<String> allowed) {
        String v = get(name);
        if (v == null || !allowed.contains(v)) {
            throw new OptionException(name, v, "one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return v;
    }

    private List<String> csv(String name) {
        String v = get(name);
        List<String> out = new ArrayList<>();
        if (v != null) {
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    private List<String> list(String name, Set<String> allowed) {
        List<String> out = csv(name);
        if (out.isEmpty() || !allowed.containsAll(out) || out.stream().distinct().count() != out.size()) {
            throw new OptionException(name, get(name), "a comma list of distinct names from " + String.join(", ", allowed));
        }
        return List.copyOf(out);
    }

    private int integer(String name, int min) {
        String v = get(name);
        try {
            int i = Integer.parseInt(v == null ? "" : v.trim());
            if (i >= min) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new OptionException(name, v, "a whole number >= " + min);
    }

    private long longValue(String name) {
        String v = get(name);
        try {
            return Long.parseLong(v == null ? "" : v.trim());
        } catch (NumberFormatException e) {
            throw new OptionException(name, v, "a whole number");
        }
    }

    private float positive(String name) {
        float f = real(name, 0, Float.MAX_VALUE, true);
        if (f == 0) {
            throw new OptionException(name, get(name), "a number > 0");
        }
        return f;
    }

    private float real(String name, double min, double max, boolean maxInclusive) {
        String v = get(name);
        try {
            float f = Float.parseFloat(v == null ? "" : v.trim());
            if (Float.isFinite(f) && f >= min && (maxInclusive ? f <= max : f < max)) {
                return f;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new OptionException(name, v, "a number in [" + min + ", " + max + (maxInclusive ? "]" : ")"));
    }

    private boolean bool(String name) {
        return Boolean.parseBoolean(oneOf(name, Set.of("true", "false")));
    }

    private int[] milestones() {
        try {
            int[] m = csv("milestones").stream().mapToInt(Integer::parseInt).toArray();
            if (Arrays.stream(m).allMatch(x -> x >= 0)) {
                return m;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new OptionException("milestones", get("milestones"), "a comma list of 0-based epochs >= 0 (may be empty)");
    }

    private int[] shard() {
        String v = get("shard");
        String[] parts = v == null ? new String[0] : v.split("/");
        try {
            if (parts.length == 2) {
                int i = Integer.parseInt(parts[0].trim());
                int n = Integer.parseInt(parts[1].trim());
                if (n >= 1 && i >= 0 && i < n) {
                    return new int[] {i, n};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new OptionException("shard", v, "i/n with n >= 1 and 0 <= i < n");
    }
}

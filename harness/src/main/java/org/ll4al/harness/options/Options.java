package org.ll4al.harness.options;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ll4al.options.Option;
import org.ll4al.options.OptionException;
import org.ll4al.options.OptionTable;
import org.ll4al.options.Settings;
import org.ll4al.results.PortablePaths;
import org.ll4al.tasks.TaskConfig;
import org.ll4al.tasks.TaskProvider;
import org.ll4al.tasks.Tasks;
import org.ll4al.tasks.training.IsalSettings;
import org.ll4al.tasks.training.TrainSettings;

/**
 * The checked options of one experiment. Each option is declared (name, type, default, allowed
 * values, help) by the code that reads it; this class parses the run's table
 * ({@link OptionSpec#forTask}) and adds the checks that relate two options. A bad value gives an
 * {@link OptionException} naming the option, the value found and what is allowed.
 */
public final class Options {

    private final Settings settings;
    private final OptionTable table;
    public final String task;
    public final String preset;
    public final List<String> strategies;
    public final int trials;
    public final int cycles;
    public final int initial;
    public final int budget;
    public final int subset;
    public final boolean reinit;
    public final int initialEpochs;
    public final boolean shareCycle0;
    public final long seed;
    public final Path data;
    public final String out;
    public final boolean resume;
    public final String device;
    public final boolean supervise;
    public final int retries;
    public final String malloc;
    public final String hugePages;
    public final boolean retryFailed;
    public final int mcPasses;
    public final int committee;
    public final boolean sampleLosses;
    public final IsalSettings isal;
    public final int shardIndex;
    public final int shardCount;
    private final TrainSettings train;
    private final TaskConfig taskConfig;

    /**
     * Parses a complete option map (preset values already merged in; missing options take their
     * declared defaults).
     *
     * @throws OptionException for a bad value, or an option of another task than {@code task}
     */
    public Options(Map<String, String> given) {
        Map<String, String> values = withDataCache(given);
        task = OptionSpec.TASK.parse(values.get(OptionSpec.TASK.name()));
        TaskProvider provider = Tasks.byName(task);
        table = OptionSpec.forTask(provider);
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!table.contains(e.getKey())) {
                String owner = OptionSpec.ownerTask(e.getKey());
                throw new OptionException(
                        e.getKey(),
                        e.getValue(),
                        "nothing for task " + task + ": " + e.getKey()
                                + (owner == null ? " is not an option of a run" : " is an option of task " + owner));
            }
            if (table.get(e.getKey()).isPath() && PortablePaths.isPlaceholder(e.getValue())) {
                throw new OptionException(
                        e.getKey(),
                        e.getValue(),
                        "a path on this machine; " + e.getValue()
                                + " stands for a folder of the machine that wrote a published run.json or OPTIONS"
                                + " (docs/results-folder.md): give the folder it names here");
            }
        }
        settings = table.parse(values);
        preset = settings.get(OptionSpec.PRESET);
        OptionSources.checkPreset(provider, preset);
        strategies = settings.get(OptionSpec.STRATEGIES);
        trials = settings.get(OptionSpec.TRIALS);
        cycles = settings.get(OptionSpec.CYCLES);
        initial = settings.get(OptionSpec.INITIAL);
        budget = settings.get(OptionSpec.BUDGET);
        subset = settings.get(OptionSpec.SUBSET);
        if (subset < budget) {
            throw new OptionException("subset", Integer.toString(subset), "a number >= budget (" + budget + ")");
        }
        train = TrainSettings.of(settings);
        reinit = settings.get(OptionSpec.REINIT);
        initialEpochs = settings.get(OptionSpec.INITIAL_EPOCHS);
        shareCycle0 = settings.get(OptionSpec.SHARE_CYCLE0);
        seed = settings.get(OptionSpec.SEED);
        out = settings.get(OptionSpec.OUT);
        resume = settings.get(OptionSpec.RESUME);
        device = settings.get(OptionSpec.DEVICE);
        supervise = settings.get(OptionSpec.SUPERVISE);
        retries = settings.get(OptionSpec.RETRIES);
        malloc = settings.get(OptionSpec.MALLOC);
        hugePages = settings.get(OptionSpec.HUGE_PAGES);
        retryFailed = settings.get(OptionSpec.RETRY_FAILED);
        int[] shard = settings.get(OptionSpec.SHARD);
        shardIndex = shard[0];
        shardCount = shard[1];
        mcPasses = settings.get(OptionSpec.MC_PASSES);
        committee = settings.get(OptionSpec.COMMITTEE);
        sampleLosses = settings.get(OptionSpec.SAMPLE_LOSSES);
        isal = IsalSettings.of(settings);
        taskConfig = TaskConfig.of(settings, seed);
        data = taskConfig.data();
    }

    /**
     * The values with {@code ${dataCache}} at the start of a path option's value replaced by the
     * data cache folder (a published run.json or OPTIONS writes a dataset fetched by the download
     * that way, and it names the same dataset on any machine).
     */
    static Map<String, String> withDataCache(Map<String, String> values) {
        String prefix = "${" + DataCacheOptions.DATA_CACHE.name() + "}";
        Map<String, String> out = new LinkedHashMap<>(values);
        Path cache = null;
        for (Map.Entry<String, String> e : values.entrySet()) {
            Option<?> o = OptionSpec.ALL.get(e.getKey());
            String v = e.getValue();
            boolean cacheItself = e.getKey().equals(DataCacheOptions.DATA_CACHE.name());
            if (o != null
                    && o.isPath()
                    && !cacheItself
                    && v != null
                    && (v.equals(prefix) || v.startsWith(prefix + "/"))) {
                if (cache == null) {
                    cache = DataCacheOptions.DATA_CACHE.parse(values.getOrDefault(
                            DataCacheOptions.DATA_CACHE.name(), DataCacheOptions.DATA_CACHE.defaultValue()));
                }
                out.put(
                        e.getKey(),
                        cache.resolve(v.substring(Math.min(v.length(), prefix.length() + 1)))
                                .toString());
            }
        }
        return out;
    }

    /** Training hyperparameters of a cycle. */
    public TrainSettings train() {
        return train;
    }

    /** What the task needs to load data and build its model. */
    public TaskConfig taskConfig() {
        return taskConfig;
    }

    /**
     * The options that define the experiment and this session (for run.json and merge checks), by
     * name; path options as {@link #portablePaths()} writes them, without this machine's absolute paths.
     */
    public Map<String, String> asConfig() {
        Map<String, String> m = new TreeMap<>(settings.asText());
        m.remove(OptionSpec.CONFIG.name());
        PortablePaths paths = portablePaths();
        for (String name : table.pathNames()) {
            m.computeIfPresent(name, (k, v) -> paths.of(v));
        }
        return m;
    }

    /** The names in {@link #asConfig()} whose values are paths. */
    public Set<String> pathNames() {
        Set<String> names = new TreeSet<>(table.pathNames());
        names.remove(OptionSpec.CONFIG.name());
        return names;
    }

    /** How paths are recorded: relative to the working folder, or under {@code ${dataCache}}. */
    public PortablePaths portablePaths() {
        return DataCacheOptions.portablePaths(settings.get(DataCacheOptions.DATA_CACHE));
    }

    /** The names in {@link #asConfig()} that only describe this session (where results go, which device). */
    public Set<String> sessionNames() {
        return table.sessionNames();
    }

    /** The value of an option as text, or null. */
    public String get(String name) {
        return settings.asText().get(name);
    }
}

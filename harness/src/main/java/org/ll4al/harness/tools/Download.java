package org.ll4al.harness.tools;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.ll4al.harness.options.DataCacheOptions;
import org.ll4al.harness.options.OptionSources;
import org.ll4al.harness.options.OptionSpec;
import org.ll4al.options.OptionException;
import org.ll4al.tasks.TaskConfig;
import org.ll4al.tasks.TaskProvider;
import org.ll4al.tasks.Tasks;
import org.ll4al.tasks.data.DataCache;
import org.ll4al.tasks.data.HttpFetch;
import org.ll4al.tasks.data.OfficialDataset;

/**
 * Official datasets in one step. {@code -Ddownload=NAME[,NAME..]} fetches datasets (a dataset's
 * name, or a task's for the datasets its runs read by default) into {@code -DdataCache} and prints
 * the {@code -Ddata} of each; a run given no {@code -Ddata} (by option, config file or preset) does
 * the same for its task first ({@link #withData}). What cannot be fetched ends with one error that
 * says which file to put where, and exit status 2.
 */
public final class Download {

    /** Milliseconds to wait for a connection (then the server counts as unreachable). */
    static final int CONNECT_TIMEOUT_MS = 30_000;
    /** Milliseconds to wait for each read of a transfer (then it counts as cut short, and the next call resumes it). */
    static final int READ_TIMEOUT_MS = 120_000;

    private Download() {}

    /**
     * The datasets one {@code -Ddownload} item names: a dataset, or a task's default ones.
     *
     * @throws OptionException naming the known datasets and tasks
     */
    static List<OfficialDataset> named(String name) {
        OfficialDataset d = DataCacheOptions.datasets().get(name);
        if (d != null) {
            return List.of(d);
        }
        if (Tasks.names().contains(name) && !Tasks.byName(name).officialData().isEmpty()) {
            return Tasks.byName(name).defaultData(Map.of());
        }
        throw new OptionException(
                "download",
                name,
                "a dataset (" + String.join(", ", DataCacheOptions.datasets().keySet()) + ") or a task ("
                        + String.join(", ", Tasks.names()) + "), or several separated by commas");
    }

    /** {@code -Ddownload=NAME[,NAME..]}: installs each dataset and prints its {@code -Ddata}; returns the exit status. */
    public static int run(Properties props, PrintStream out) {
        List<OfficialDataset> wanted = new ArrayList<>();
        for (String item : props.getProperty("download").split(",")) {
            if (!item.isBlank()) {
                for (OfficialDataset d : named(item.trim())) {
                    if (!wanted.contains(d)) {
                        wanted.add(d);
                    }
                }
            }
        }
        if (wanted.isEmpty()) {
            throw new OptionException("download", props.getProperty("download"), "a dataset or a task name");
        }
        DataCache cache = cache(
                OptionSpec.value(props, DataCacheOptions.DATA_CACHE),
                OptionSpec.value(props, DataCacheOptions.DATA_MIRROR));
        for (OfficialDataset d : wanted) {
            Path data = install(cache, d, out);
            out.println(d.name() + ": -Ddata=" + data);
        }
        return 0;
    }

    /**
     * The properties of a run, with {@code data} set to the official datasets of its task when no
     * {@code -Ddata} is given by option, config file or preset (fetched first when not in the
     * cache); the properties unchanged otherwise, or when the task has no official dataset.
     *
     * @param gpu whether a GPU is present (asked only when the preset is not given)
     */
    public static Properties withData(Properties props, BooleanSupplier gpu, PrintStream out) {
        Map<String, String> values = OptionSources.collect(props, gpu);
        String given = values.get(TaskConfig.DATA.name());
        if (given != null && !given.isBlank()) {
            return props;
        }
        TaskProvider task = Tasks.byName(values.get(OptionSpec.TASK.name()));
        List<OfficialDataset> needed = task.defaultData(values);
        if (needed.isEmpty()) {
            return props;
        }
        DataCache cache = cache(
                DataCacheOptions.DATA_CACHE.parse(values.getOrDefault(
                        DataCacheOptions.DATA_CACHE.name(), DataCacheOptions.DATA_CACHE.defaultValue())),
                DataCacheOptions.DATA_MIRROR.parse(values.getOrDefault(
                        DataCacheOptions.DATA_MIRROR.name(), DataCacheOptions.DATA_MIRROR.defaultValue())));
        Path data = null;
        for (OfficialDataset d : needed) {
            Path folder = install(cache, d, out);
            if (data != null && !data.equals(folder)) {
                throw new IllegalStateException(
                        "the default datasets of task " + task.name() + " lie in two folders: " + data + ", " + folder);
            }
            data = folder;
        }
        out.println("ll4al: no -Ddata given: task " + task.name() + " reads its official data, -Ddata=" + data);
        Properties with = new Properties();
        for (String k : props.stringPropertyNames()) {
            with.setProperty(k, props.getProperty(k));
        }
        with.setProperty(TaskConfig.DATA.name(), data.toString());
        return with;
    }

    private static DataCache cache(Path root, String mirror) {
        return new DataCache(
                root, mirror.isBlank() ? null : URI.create(mirror), new HttpFetch(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS));
    }

    /** Installs one dataset (nothing to do when it is in the cache); returns its {@code -Ddata}. */
    private static Path install(DataCache cache, OfficialDataset d, PrintStream out) {
        if (cache.has(d)) {
            out.println("ll4al: dataset " + d.name() + " is in " + cache.root());
            return cache.dataFolder(d);
        }
        long size = d.size();
        out.println("ll4al: fetching dataset " + d.name() + ": " + d.description()
                + (size >= 0 ? String.format(Locale.ROOT, "; %,.0f MB to download", size / 1e6) : "") + ", into "
                + cache.root());
        Path data = cache.install(d, new DownloadProgress(out, System.console() != null));
        out.println("ll4al: dataset " + d.name() + " installed in " + data);
        return data;
    }
}

package org.ll4al.harness.options;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ll4al.options.Option;
import org.ll4al.results.PortablePaths;
import org.ll4al.tasks.Tasks;
import org.ll4al.tasks.data.OfficialDataset;

/**
 * The data cache's options ({@code -DdataCache}, {@code -DdataMirror}), read by {@code -Ddownload}
 * and by a run without {@code -Ddata}, and the official datasets every task declares.
 */
public final class DataCacheOptions {

    public static final Option<Path> DATA_CACHE = Option.of(
                    "dataCache",
                    "~/.ll4al/data",
                    "folder the official datasets are downloaded to and unpacked in (-Ddownload, a run without -Ddata)",
                    "a folder (~/ for the home folder)",
                    DataCacheOptions::folder)
            .session()
            .pathValued();
    public static final Option<String> DATA_MIRROR = Option.of(
                    "dataMirror",
                    "",
                    "base URL to fetch every official archive from instead of its publisher's (URL/FILE, e.g. a local mirror);"
                            + " empty: the official URLs",
                    "an http:// or https:// URL, or empty",
                    s -> s.isBlank()
                                    || s.trim().startsWith("http://")
                                    || s.trim().startsWith("https://")
                            ? s.trim()
                            : null)
            .session();

    /** The download's own options. */
    public static final List<Option<?>> OPTIONS = List.of(DATA_CACHE, DATA_MIRROR);

    private DataCacheOptions() {}

    /** A folder option's value: {@code ~} and {@code ~/...} are under the home folder. */
    public static Path folder(String s) {
        String v = s.trim();
        if (v.isEmpty()) {
            return null;
        }
        if (v.equals("~") || v.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(v.substring(Math.min(2, v.length())));
        }
        return Path.of(v);
    }

    /** Every task's official datasets by name, in task order. */
    public static Map<String, OfficialDataset> datasets() {
        Map<String, OfficialDataset> m = new LinkedHashMap<>();
        for (String task : Tasks.names()) {
            for (OfficialDataset d : Tasks.byName(task).officialData()) {
                OfficialDataset before = m.putIfAbsent(d.name(), d);
                if (before != null && before != d) {
                    throw new IllegalStateException("dataset " + d.name() + " is declared twice");
                }
            }
        }
        return m;
    }

    /** The portable form of paths in this process: relative to the working folder, the data cache named. */
    public static PortablePaths portablePaths(Path dataCache) {
        return new PortablePaths(Path.of(""), Map.of(DATA_CACHE.name(), dataCache));
    }
}

package org.ll4al.harness.options;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.ll4al.options.OptionException;
import org.ll4al.tasks.TaskProvider;
import org.ll4al.tasks.Tasks;

/**
 * Merges the sources of option values, lowest precedence first: the task's preset, a
 * {@code -Dconfig=FILE} properties file, explicit {@code -D} system properties (options given by
 * none of them take the default their declaration carries, see {@link Options}).
 */
public final class OptionSources {

    private OptionSources() {}

    /**
     * Collects the options.
     *
     * @param system system properties (only declared option names are taken)
     * @param gpuPresent whether a GPU was found (chooses the default preset)
     */
    public static Map<String, String> collect(Properties system, boolean gpuPresent) {
        return collect(system, () -> gpuPresent);
    }

    /**
     * Collects the options.
     *
     * @param system system properties (only declared option names are taken)
     * @param gpuPresent whether a GPU was found (asked only when no preset is given: it chooses the default)
     */
    public static Map<String, String> collect(Properties system, BooleanSupplier gpuPresent) {
        Map<String, String> given = new LinkedHashMap<>();
        String config = system.getProperty("config");
        if (config != null && !config.isBlank()) {
            given.putAll(readConfig(Path.of(config)));
        }
        given.putAll(OptionSpec.RUNS.given(system));
        String task = given.get("task");
        if (task == null || task.isBlank()) {
            throw new OptionException("task", task, "one of " + String.join(", ", Tasks.names()));
        }
        TaskProvider provider;
        try {
            provider = Tasks.byName(task);
        } catch (IllegalArgumentException e) {
            throw new OptionException("task", task, "one of " + String.join(", ", Tasks.names()));
        }
        String preset = given.containsKey("preset") ? given.get("preset") : gpuPresent.getAsBoolean() ? "paper" : "cpu";
        checkPreset(provider, preset);
        Map<String, String> merged = new LinkedHashMap<>(provider.presets().values(preset));
        merged.putAll(given);
        merged.put("preset", preset);
        return merged;
    }

    /** Refuses a preset the task does not have, listing the ones it has. */
    static void checkPreset(TaskProvider provider, String preset) {
        if (!provider.presets().names().contains(preset)) {
            throw new OptionException(
                    "preset",
                    preset,
                    "a preset of task " + provider.name() + ": "
                            + String.join(", ", provider.presets().names()));
        }
    }

    private static Map<String, String> readConfig(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new OptionException("config", file.toString(), "a readable properties file (" + e.getMessage() + ")");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames()) {
            if (!OptionSpec.RUNS.contains(k) || "config".equals(k)) {
                throw new OptionException(
                        "config",
                        file.toString(),
                        "only known option names; '" + k + "' is not one (" + String.join(", ", OptionSpec.RUNS.names())
                                + ")");
            }
            m.put(k, p.getProperty(k).trim());
        }
        return m;
    }
}

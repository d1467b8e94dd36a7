package org.ll4al.tasks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ll4al.options.Option;
import org.ll4al.options.OptionTable;
import org.ll4al.options.Presets;
import org.ll4al.options.Settings;
import org.ll4al.tasks.data.OfficialDataset;

/**
 * Creates a task by name; registered through {@code META-INF/services} and found by
 * {@link Tasks}. A provider declares the task's own options and owns its presets
 * ({@code paper}, {@code cpu}, {@code smoke}, ...), applied by the harness before explicit options.
 */
public interface TaskProvider {

    /** The name used as {@code -Dtask=NAME}. */
    String name();

    /** The task's presets (option name to value, one shared base plus per-preset differences). */
    Presets presets();

    /** The options only this task reads (those of every task are {@link TaskConfig#OPTIONS}). */
    default List<Option<?>> options() {
        return List.of();
    }

    /**
     * The option values of a preset: the shared base, then the preset's own.
     *
     * @throws IllegalArgumentException for an unknown preset, listing the known ones
     */
    default Map<String, String> preset(String name) {
        return presets().values(name);
    }

    /** Where to get the full dataset and which layout to unpack, for "data missing" errors. */
    String dataHelp();

    /**
     * The official datasets this task reads, as their publishers distribute them ({@code
     * -Ddownload=NAME} fetches one into the data cache); empty when there are none.
     */
    default List<OfficialDataset> officialData() {
        return List.of();
    }

    /**
     * The official datasets a run with these option values reads when no {@code -Ddata} is given
     * (all of them give the same {@code -Ddata} folder): by default the first of {@link #officialData()}.
     *
     * @param values the run's option values by name (preset merged in; options not given are absent)
     */
    default List<OfficialDataset> defaultData(Map<String, String> values) {
        return officialData().isEmpty() ? List.of() : List.of(officialData().get(0));
    }

    /**
     * Loads the task's data and prepares it.
     *
     * @throws TaskDataException naming the file when data is missing or invalid
     */
    ActiveLearningTask create(TaskConfig config);

    /** The task's own options parsed from the given values over their defaults (for tests and tools). */
    default Settings settings(Map<String, String> values) {
        return OptionTable.of(options()).parse(values);
    }

    /** A configuration of this task from the given values (task and shared options) over their defaults. */
    default TaskConfig config(Map<String, String> values, long seed) {
        Map<String, String> m = new HashMap<>(Map.of("width", "1"));
        m.putAll(values);
        return TaskConfig.of(OptionTable.of(TaskConfig.OPTIONS, options()).parse(m), seed);
    }
}

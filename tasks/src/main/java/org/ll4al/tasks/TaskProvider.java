package org.ll4al.tasks;

import java.util.Map;

/**
 * Creates a task by name; registered through {@code META-INF/services} and found by
 * {@link Tasks}. A provider also owns its task's presets ({@code paper}, {@code cpu},
 * {@code smoke}): option name to value, applied by the harness before explicit options.
 */
public interface TaskProvider {

    /** The name used as {@code -Dtask=NAME}. */
    String name();

    /**
     * The option values of a preset.
     *
     * @throws IllegalArgumentException for an unknown preset, listing the known ones
     */
    Map<String, String> preset(String preset);

    /** Where to get the full dataset and which layout to unpack, for "data missing" errors. */
    String dataHelp();

    /**
     * Loads the task's data and prepares it.
     *
     * @throws TaskDataException naming the file when data is missing or invalid
     */
    ActiveLearningTask create(TaskConfig config);
}

package org.ll4al.tasks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The validated options a task needs to load its data and build its model (validation
 * happens in the harness's options, the one place that checks every value).
 *
 * @param data dataset root folder
 * @param seed experiment seed (for deterministic pool/evaluation subsampling)
 * @param width channel-width multiplier of the target model (1 = the paper's network)
 * @param poolLimit use at most this many training samples (0 = all)
 * @param evalLimit evaluate on at most this many samples (0 = all)
 * @param imageSize input resolution (0 = the task's default)
 * @param stacks hourglass stacks (pose only)
 * @param pretrained optional local file of pretrained backbone weights, or null
 * @param classes class names for VOC-format detection (empty = the 20 VOC classes)
 * @param extra every option as given (for task-specific names such as split files)
 */
public record TaskConfig(
        Path data,
        long seed,
        double width,
        int poolLimit,
        int evalLimit,
        int imageSize,
        int stacks,
        Path pretrained,
        List<String> classes,
        Map<String, String> extra) {

    /** A task-specific option, or {@code def} when it was not given. */
    public String option(String name, String def) {
        String v = extra.get(name);
        return v == null || v.isEmpty() ? def : v;
    }
}

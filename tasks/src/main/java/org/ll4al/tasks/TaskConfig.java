package org.ll4al.tasks;

import java.nio.file.Path;
import java.util.List;
import org.ll4al.options.Option;
import org.ll4al.options.Settings;

/**
 * What a task needs to load its data and build its model: the options every task shares, typed,
 * and the checked settings that hold the task's own options (read with {@link #get(Option)}).
 *
 * @param data dataset root folder
 * @param seed experiment seed (for deterministic pool/evaluation subsampling)
 * @param width channel-width multiplier of the target model (1 = the paper's network)
 * @param poolLimit use at most this many training samples (0 = all)
 * @param evalLimit evaluate on at most this many samples (0 = all)
 * @param imageSize input resolution (0 = the task's default)
 * @param settings the parsed options, at least those the task's provider declares
 */
public record TaskConfig(
        Path data, long seed, double width, int poolLimit, int evalLimit, int imageSize, Settings settings) {

    /** {@code -Ddata}: the dataset folder. */
    public static final Option<Path> DATA = Option.of(
                    "data",
                    null,
                    "dataset folder (none: the task's official dataset from -DdataCache, downloaded on first use)",
                    "the dataset folder (-Ddata=DIR)",
                    s -> s.isBlank() ? null : Path.of(s))
            .pathValued();

    /** {@code -Dwidth}: channel-width multiplier of the target model. */
    public static final Option<Float> WIDTH = Option.of(
            "width", null, "channel-width multiplier of the target model (1 = paper)", "a number in (0, 8]", s -> {
                float f = Float.parseFloat(s.trim());
                return f > 0 && f <= 8 ? f : null;
            });

    /** {@code -DpoolLimit}: at most this many training samples. */
    public static final Option<Integer> POOL_LIMIT =
            Option.integer("poolLimit", 0, "0", "use at most this many training samples (0 = all)");

    /** {@code -DevalLimit}: at most this many evaluation samples. */
    public static final Option<Integer> EVAL_LIMIT =
            Option.integer("evalLimit", 0, "0", "evaluate on at most this many samples (0 = all)");

    /** {@code -DimageSize}: input resolution. */
    public static final Option<Integer> IMAGE_SIZE =
            Option.integer("imageSize", 0, "0", "input resolution (0 = task default)");

    /** The options every task reads through this record. */
    public static final List<Option<?>> OPTIONS = List.of(DATA, WIDTH, POOL_LIMIT, EVAL_LIMIT, IMAGE_SIZE);

    /** The configuration from parsed settings that hold {@link #OPTIONS} and the task's own options. */
    public static TaskConfig of(Settings settings, long seed) {
        return new TaskConfig(
                settings.get(DATA),
                seed,
                settings.get(WIDTH),
                settings.get(POOL_LIMIT),
                settings.get(EVAL_LIMIT),
                settings.get(IMAGE_SIZE),
                settings);
    }

    /** The value of one of the task's own options. */
    public <T> T get(Option<T> option) {
        return settings.get(option);
    }
}

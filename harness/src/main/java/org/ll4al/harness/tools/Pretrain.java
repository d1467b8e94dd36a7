package org.ll4al.harness.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.ll4al.harness.options.OptionSpec;
import org.ll4al.harness.run.Progress;
import org.ll4al.options.Option;
import org.ll4al.options.OptionException;
import org.ll4al.options.OptionTable;
import org.ll4al.options.Settings;
import org.ll4al.tasks.TaskConfig;
import org.ll4al.tasks.detection.SsdLayout;
import org.ll4al.tasks.detection.VggPretraining;
import org.ll4al.tasks.training.TrainSettings;

/**
 * {@code -Dpretrain=vgg}: pretrains the SSD's VGG base as a CIFAR-10 classifier and writes the
 * file {@code -Dpretrained} loads. Its options are the run's declarations with this command's
 * defaults ({@link #OPTIONS}): {@code data} (CIFAR-10 folder), {@code out} (weights file),
 * {@code width} (0.25) and {@code batchNorm} (true) of the SSD that will load it, {@code epochs}
 * (30), {@code batch} (128), {@code lr} (0.05), {@code milestones} (epochs x 0.8),
 * {@code warmupEpochs} (1), {@code imageSize} (128), {@code seed} (0).
 */
public final class Pretrain {

    private static final Option<Path> OUT = Option.of(
            "out",
            null,
            "the weights file to write",
            "the weights file to write, e.g. -Dout=vgg-cifar.params",
            s -> s.isBlank() ? null : Path.of(s));
    private static final Option<Boolean> BATCH_NORM =
            Option.bool("batchNorm", "true", "BatchNorm in the VGG base (as the SSD that will load the weights)");
    private static final Option<int[]> MILESTONES = TrainSettings.MILESTONES.withDefault("");

    /** The options of {@code -Dpretrain=vgg}, with its defaults. */
    static final List<Option<?>> OPTIONS = List.of(
            TaskConfig.DATA,
            OUT,
            TaskConfig.WIDTH.withDefault("0.25"),
            BATCH_NORM,
            TrainSettings.EPOCHS.withDefault("30"),
            TrainSettings.BATCH.withDefault("128"),
            TrainSettings.LR.withDefault("0.05"),
            MILESTONES,
            TrainSettings.WARMUP_EPOCHS.withDefault("1"),
            TaskConfig.IMAGE_SIZE.withDefault("128"),
            OptionSpec.SEED);

    private Pretrain() {}

    public static int run(Properties p, PrintStream out) throws IOException {
        String what = p.getProperty("pretrain");
        if (!"vgg".equals(what)) {
            throw new OptionException("pretrain", what, "vgg (the SSD's VGG base, as a CIFAR-10 classifier)");
        }
        OptionTable table = OptionTable.of(OPTIONS);
        Map<String, String> given = table.given(p);
        Settings s = table.parse(given);
        int epochs = s.get(TrainSettings.EPOCHS);
        int[] milestones = given.containsKey(MILESTONES.name()) ? s.get(MILESTONES) : new int[] {(int) (epochs * 0.8)};
        TrainSettings train = TrainSettings.builder()
                .setEpochs(epochs)
                .setBatch(s.get(TrainSettings.BATCH))
                .setLr(s.get(TrainSettings.LR))
                .optMilestones(milestones)
                .optLambda(0f)
                .optWarmupEpochs(s.get(TrainSettings.WARMUP_EPOCHS))
                .build();
        double width = s.get(TaskConfig.WIDTH);
        SsdLayout layout = new SsdLayout(s.get(TaskConfig.IMAGE_SIZE), width);
        VggPretraining.run(
                s.get(TaskConfig.DATA),
                layout,
                s.get(BATCH_NORM),
                train,
                s.get(OptionSpec.SEED),
                s.get(OUT),
                out,
                new Progress(out, System.console() != null, "[pretrain vgg]"));
        return 0;
    }
}

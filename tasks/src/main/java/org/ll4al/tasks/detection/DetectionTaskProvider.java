package org.ll4al.tasks.detection;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ll4al.options.Option;
import org.ll4al.options.Presets;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.TaskConfig;
import org.ll4al.tasks.TaskProvider;
import org.ll4al.tasks.data.OfficialDataset;

/** The {@code detection} task (PASCAL VOC, SSD) and its {@code paper}, {@code cpu}, {@code cpu-long} and {@code smoke} presets. */
public final class DetectionTaskProvider implements TaskProvider {

    @Override
    public String name() {
        return "detection";
    }

    /** {@code -Daugment}: training augmentation. */
    public static final Option<String> AUGMENT = Option.oneOf(
            "augment",
            "ssd",
            "detection: ssd (photometric, zoom-out, crop, flip) | photo (photometric, flip) | flip | none",
            "ssd",
            "photo",
            "flip",
            "none");
    /** {@code -Dnormalize}: how the training loss is normalised. */
    public static final Option<String> NORMALIZE = Option.oneOf(
            "normalize",
            "batch",
            "detection: training loss normalised per batch (sum of losses / positives of the batch, as"
                    + " SSD) | image (mean of loss_i / positives_i); the module ranks per-image losses either way",
            "image",
            "batch");
    /** {@code -Dpretrained}: weights of the VGG base. */
    public static final Option<Optional<Path>> PRETRAINED = Option.path(
            "pretrained",
            "",
            "detection: local file of pretrained VGG-16 base weights (PyTorch state dict, safetensors or -Dpretrain=vgg output)");
    /** {@code -Dclasses}: the classes detected. */
    public static final Option<List<String>> CLASSES =
            Option.list("classes", "", "detection: comma list of class names (default the 20 VOC classes)");
    /** {@code -DtrainSplit}: the pool's split lists. */
    public static final Option<String> TRAIN_SPLIT = Option.text(
            "trainSplit", "2007:train", "detection: year:split list of the pool, e.g. 2007:trainval,2012:trainval");
    /** {@code -DevalSplit}: the evaluation split. */
    public static final Option<String> EVAL_SPLIT =
            Option.text("evalSplit", "2007:val", "detection: year:split of the evaluation set");
    /** {@code -DbatchNorm}: BatchNorm in the VGG base. */
    public static final Option<String> BATCH_NORM = Option.oneOf(
            "batchNorm", "", "detection: true | false (empty: true without pretrained weights)", "", "true", "false");
    /** {@code -DapMethod}: average precision of VOC2007 or VOC2010+. */
    public static final Option<String> AP_METHOD =
            Option.oneOf("apMethod", "11point", "detection: 11point (VOC2007) | area (VOC2010+)", "11point", "area");

    private static final Presets PRESETS = Presets.parse("detection", """
            [base]
            strategies = random,entropy,coreset,lloss
            momentum = 0.9
            weightDecay = 5e-4
            optimizer = sgd
            margin = 1
            lambda = 1
            trainSplit = 2007:train
            evalSplit = 2007:val

            [paper]
            trials = 3
            cycles = 10
            initial = 1000
            budget = 1000
            subset = 10000
            epochs = 300
            batch = 32
            lr = 0.001
            milestones = 240
            detachEpoch = 240
            width = 1
            imageSize = 300
            poolLimit = 0
            evalLimit = 0
            trainSplit = 2007:trainval,2012:trainval
            evalSplit = 2007:test

            [cpu]
            # SSD128, width 0.25, BatchNorm, VGG base pretrained here as a CIFAR-10 classifier
            # (docs/tasks.md: -Dpretrain=vgg writes the file -Dpretrained loads; without it the base
            # starts from scratch). Six VOC classes with large objects (429 training images with
            # one, 140 validation images). Levers measured on 2 cores (docs/results/detection-cpu-flip): lr 3e-3
            # with warmup (1e-2 collapses, 1e-3 learns slower), flip-only augmentation (the full
            # SSD augmentation needs longer schedules: 0.008 vs 0.058 at 100 labels). 200 -> 400
            # labels in 3 cycles, cycle 0 40 epochs, later cycles 16 on the kept model, the loss
            # normalised by the batch's positives as SSD (-Dnormalize=batch, the default: cycle-0
            # mAP 0.137 vs 0.038 per image). Random reached 0.19/0.15 at 400, loss ranking
            # 0.53-0.61; per image with 20-epoch cycles 0.14/0.18, ranking 0.49-0.57; 100 -> 400
            # in 4 cycles of 15 epochs 0.085; from scratch 0.05/0.06. 4 strategies x 2 trials:
            # 39 min on 2 cores. Photometric distortion + flip (augment = photo) at cycle 0, 2 trials:
            # mAP 0.145/0.157, loss ranking 0.586/0.587 against flip-only's 0.137/0.088 and
            # 0.589/0.504. The whole preset with it (docs/results/detection-cpu, another pretrained base):
            # random 0.196/0.183 at 400, loss ranking 0.61-0.62 (mean of 2 trials), ~43 min.
            trials = 2
            cycles = 3
            initial = 200
            budget = 100
            subset = 200
            initialEpochs = 40
            epochs = 16
            batch = 16
            lr = 0.003
            warmupEpochs = 2
            milestones = 13
            detachEpoch = 10
            width = 0.25
            batchNorm = true
            imageSize = 128
            augment = photo
            poolLimit = 0
            evalLimit = 0
            classes = aeroplane,cat,dog,horse,motorbike,train

            [cpu-long : cpu]
            # The cpu preset's network and schedule on all of VOC2007 trainval with its official
            # annotations (difficult objects neither trained on nor counted in AP): the pool is every
            # image of the official train list with an object of the six classes (875 of 2,500), the
            # evaluation every such image of the official val list (924 of 2,508); assembled set:
            # ../shared/data/voc2007-trainval/assemble.py. 200 -> 600 labels in 5 cycles, each
            # selection scoring the whole unlabeled pool; cycle 0 (40 epochs) trained once per trial,
            # later cycles 16 epochs on the kept model. Measured on 2 cores (docs/detection-ranking.md):
            # cycle 0 reached mAP 0.130 on the 924 val images (loss ranking 0.559); the same schedule on
            # all 20 classes reached 0.019 at 500 labels (likely: SSD128 at width 0.25 cannot resolve
            # VOC's small objects), so the six large-object classes of the cpu preset are kept.
            strategies = random,entropy,coreset,lloss,true-loss
            trials = 3
            cycles = 5
            subset = 2000

            [smoke]
            trials = 1
            cycles = 2
            initial = 8
            budget = 4
            subset = 16
            epochs = 1
            batch = 4
            lr = 0.001
            milestones = 1
            detachEpoch = 1
            width = 0.125
            imageSize = 64
            poolLimit = 40
            evalLimit = 16
            """);

    @Override
    public Presets presets() {
        return PRESETS;
    }

    @Override
    public List<Option<?>> options() {
        return List.of(AUGMENT, NORMALIZE, PRETRAINED, CLASSES, TRAIN_SPLIT, EVAL_SPLIT, BATCH_NORM, AP_METHOD);
    }

    @Override
    public String dataHelp() {
        return VocReader.HELP;
    }

    @Override
    public List<OfficialDataset> officialData() {
        return List.of(VocData.VOC2007, VocData.VOC2012);
    }

    /** VOC2007 and/or VOC2012, as the years of {@code trainSplit} and {@code evalSplit} need them. */
    @Override
    public List<OfficialDataset> defaultData(Map<String, String> values) {
        return VocData.forSplits(
                values.getOrDefault(TRAIN_SPLIT.name(), TRAIN_SPLIT.defaultValue()),
                values.getOrDefault(EVAL_SPLIT.name(), EVAL_SPLIT.defaultValue()));
    }

    @Override
    public ActiveLearningTask create(TaskConfig config) {
        return new DetectionTask(config);
    }
}

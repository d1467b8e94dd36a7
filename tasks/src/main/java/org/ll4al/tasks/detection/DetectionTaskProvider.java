package org.ll4al.tasks.detection;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.TaskConfig;
import org.ll4al.tasks.TaskProvider;

/** The {@code detection} task (PASCAL VOC, SSD) and its {@code paper}, {@code cpu} and {@code smoke} presets. */
public final class DetectionTaskProvider implements TaskProvider {

    @Override
    public String name() {
        return "detection";
    }

    @Override
    public Map<String, String> preset(String preset) {
        Map<String, String> m = new LinkedHashMap<>();
        switch (preset) {
            case "paper" -> {
                put(m, "strategies", "random,entropy,coreset,lloss", "trials", "3", "cycles", "10",
                        "initial", "1000", "budget", "1000", "subset", "10000", "epochs", "300", "batch", "32",
                        "lr", "0.001", "milestones", "240", "momentum", "0.9", "weightDecay", "5e-4",
                        "optimizer", "sgd", "margin", "1", "lambda", "1", "detachEpoch", "240", "width", "1",
                        "imageSize", "300", "poolLimit", "0", "evalLimit", "0",
                        "trainSplit", "2007:trainval,2012:trainval", "evalSplit", "2007:test");
            }
            case "cpu" -> {
                // SSD128, width 0.25, BatchNorm, VGG base pretrained here as a CIFAR-10 classifier
                // (README: -Dpretrain=vgg writes the file -Dpretrained loads; without it the base
                // starts from scratch and mAP stays near 0.02). Six VOC classes with large objects
                // (429 training images with one, 140 validation images). Levers measured on 2 cores
                // (README, detection): lr 3e-3 with 3 warmup epochs (1e-2 collapses, 1e-3 learns
                // slower), flip-only augmentation (the full SSD augmentation needs longer schedules:
                // 0.008 vs 0.058 at 100 labels), 40 epochs for cycle 0 and 15 after.
                put(m, "strategies", "random,entropy,coreset,lloss", "trials", "2", "cycles", "4",
                        "initial", "100", "budget", "100", "subset", "200", "initialEpochs", "40",
                        "epochs", "15", "batch", "16", "lr", "0.003", "warmupEpochs", "3", "milestones", "12",
                        "momentum", "0.9", "weightDecay", "5e-4", "optimizer", "sgd", "margin", "1",
                        "lambda", "1", "detachEpoch", "9", "width", "0.25", "batchNorm", "true",
                        "imageSize", "128", "augment", "flip", "poolLimit", "0", "evalLimit", "0",
                        "classes", "aeroplane,cat,dog,horse,motorbike,train",
                        "trainSplit", "2007:train", "evalSplit", "2007:val");
            }
            case "smoke" -> {
                put(m, "strategies", "random,entropy,coreset,lloss", "trials", "1", "cycles", "2",
                        "initial", "8", "budget", "4", "subset", "16", "epochs", "1", "batch", "4",
                        "lr", "0.001", "milestones", "1", "momentum", "0.9", "weightDecay", "5e-4",
                        "optimizer", "sgd", "margin", "1", "lambda", "1", "detachEpoch", "1", "width", "0.125",
                        "imageSize", "64", "poolLimit", "40", "evalLimit", "16",
                        "trainSplit", "2007:train", "evalSplit", "2007:val");
            }
            default -> throw new IllegalArgumentException(
                    "unknown preset '" + preset + "' for task detection; known presets: paper, cpu, smoke");
        }
        return m;
    }

    private static void put(Map<String, String> m, String... kv) {
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
    }

    @Override
    public String dataHelp() {
        return VocReader.HELP;
    }

    @Override
    public ActiveLearningTask create(TaskConfig config) {
        return new DetectionTask(config);
    }
}

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
                // SSD128, width 0.25 (2.37 M parameters with the module, 1,536 priors), BatchNorm, from
                // scratch. Measured with -Dbench=detection on 2 idle cores: train 43.9 img/s (batch 16),
                // inference incl. decoding/NMS 110 img/s. Per (strategy, trial): 4 epochs x
                // (200+400+600+800) = 8,000 training images (~180 s) + ~2,600 inference images (~25 s)
                // -> 4 strategies x 2 trials ~ 30 min. The loss falls steadily at lr 1e-3; 1e-2 diverged.
                put(m, "strategies", "random,entropy,coreset,lloss", "trials", "2", "cycles", "4",
                        "initial", "200", "budget", "200", "subset", "600", "epochs", "4", "batch", "16",
                        "lr", "0.001", "milestones", "3", "momentum", "0.9", "weightDecay", "5e-4",
                        "optimizer", "sgd", "margin", "1", "lambda", "1", "detachEpoch", "3", "width", "0.25",
                        "imageSize", "128", "poolLimit", "0", "evalLimit", "200",
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

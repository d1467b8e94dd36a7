package org.ll4al.tasks.classification;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.TaskConfig;
import org.ll4al.tasks.TaskProvider;

/** Provides the {@code classification} task (CIFAR-10, ResNet-18) and its presets. */
public final class ClassificationTaskProvider implements TaskProvider {

    @Override
    public String name() {
        return "classification";
    }

    @Override
    public String dataHelp() {
        return Cifar10.HELP;
    }

    @Override
    public Map<String, String> preset(String preset) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("strategies", "random,entropy,coreset,lloss");
        m.put("optimizer", "sgd");
        m.put("momentum", "0.9");
        m.put("weightDecay", "5e-4");
        m.put("margin", "1");
        m.put("lambda", "1");
        switch (preset) {
            case "paper" -> {
                // Yoo and Kweon (2019), section 4.1: 1k initial, +1k x 10 cycles, subset 10k,
                // 200 epochs, lr 0.1 x0.1 at 160, batch 128, stop-gradient after epoch 120.
                m.put("trials", "5");
                m.put("initial", "1000");
                m.put("budget", "1000");
                m.put("cycles", "10");
                m.put("subset", "10000");
                m.put("epochs", "200");
                m.put("lr", "0.1");
                m.put("milestones", "160");
                m.put("batch", "128");
                m.put("detachEpoch", "120");
                m.put("width", "1");
                m.put("poolLimit", "0");
                m.put("evalLimit", "0");
            }
            case "cpu" -> {
                // Sized for 4 strategies x 3 trials in about 55 minutes on 2 CPU cores (measured:
                // width 0.25 trains at ~300 img/s, infers at ~1,200 img/s; see README).
                m.put("trials", "3");
                m.put("initial", "500");
                m.put("budget", "500");
                m.put("cycles", "5");
                m.put("subset", "5000");
                m.put("epochs", "10");
                m.put("lr", "0.1");
                m.put("milestones", "8");
                m.put("batch", "64");
                m.put("detachEpoch", "6");
                m.put("width", "0.25");
                m.put("poolLimit", "0");
                m.put("evalLimit", "2000");
            }
            case "smoke" -> {
                m.put("trials", "1");
                m.put("initial", "40");
                m.put("budget", "20");
                m.put("cycles", "2");
                m.put("subset", "100");
                m.put("epochs", "1");
                m.put("lr", "0.05");
                m.put("milestones", "");
                m.put("batch", "20");
                m.put("detachEpoch", "1");
                m.put("width", "0.125");
                m.put("poolLimit", "300");
                m.put("evalLimit", "100");
            }
            default -> throw new IllegalArgumentException(
                    "unknown preset '" + preset + "' for task classification; known presets: paper, cpu, smoke");
        }
        return m;
    }

    @Override
    public ActiveLearningTask create(TaskConfig config) {
        Cifar10 train = Cifar10.loadTrain(config.data());
        Cifar10 test = Cifar10.loadTest(config.data());
        int[] pool = subset(train.size(), config.poolLimit(), config.seed());
        int[] eval = subset(test.size(), config.evalLimit(), config.seed() + 1);
        return new ClassificationTask(train, pool, test, eval, config.width());
    }

    /** All of {@code 0..n-1}, or a seeded random {@code limit} of them in increasing order. */
    static int[] subset(int n, int limit, long seed) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        if (limit <= 0 || limit >= n) {
            return all;
        }
        Random rng = new Random(seed);
        for (int i = 0; i < limit; i++) {
            int j = i + rng.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] picked = Arrays.copyOf(all, limit);
        Arrays.sort(picked);
        return picked;
    }
}

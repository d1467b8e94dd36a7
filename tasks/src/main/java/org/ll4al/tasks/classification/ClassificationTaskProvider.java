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
                // Out of the cold start at CPU cost: first selection at 2,000 labels, rounds of
                // 1,000 from a subset of 10,000 (the paper's 10% ratio) on the 20,000-image pool.
                // Cycle 0 (shared by the strategies of a trial) trains 20 epochs, later cycles 6
                // on the kept model. Sized from measured throughput (width 0.25: ~470 img/s
                // training, ~1,500 img/s inference on 2 cores): 5 strategies x 3 trials ~35 min.
                m.put("strategies", "random,entropy,coreset,lloss,true-loss");
                m.put("trials", "3");
                m.put("initial", "2000");
                m.put("budget", "1000");
                m.put("cycles", "3");
                m.put("subset", "10000");
                m.put("initialEpochs", "20");
                m.put("epochs", "6");
                m.put("lr", "0.1");
                m.put("milestones", "5");
                m.put("batch", "64");
                m.put("detachEpoch", "4");
                m.put("width", "0.25");
                m.put("poolLimit", "0");
                m.put("evalLimit", "2000");
            }
            case "cpu-long" -> {
                // The paper's proportions on the whole CIFAR-10 training set (pool 50,000,
                // subset = 10 x budget, up to 10,000 labels) at width 0.25: 2,000 initial,
                // +2,000 x 4 cycles, cycle 0 trained 40 epochs, later cycles 20 on the kept model
                // (lr x0.1 and detach at the paper's 80% and 60% of a cycle). Full test set.
                // Sized for ~6 h of 2-core CPU (8.6 M training images at ~470 img/s).
                m.put("strategies", "random,entropy,coreset,lloss,true-loss");
                m.put("trials", "3");
                m.put("initial", "2000");
                m.put("budget", "2000");
                m.put("cycles", "5");
                m.put("subset", "20000");
                m.put("initialEpochs", "40");
                m.put("epochs", "20");
                m.put("lr", "0.1");
                m.put("milestones", "16");
                m.put("batch", "64");
                m.put("detachEpoch", "12");
                m.put("width", "0.25");
                m.put("poolLimit", "0");
                m.put("evalLimit", "0");
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
                    "unknown preset '" + preset + "' for task classification; known presets: paper, cpu, cpu-long, smoke");
        }
        return m;
    }

    @Override
    public ActiveLearningTask create(TaskConfig config) {
        Cifar10 train = Cifar10.loadTrain(config.data());
        Cifar10 test = Cifar10.loadTest(config.data());
        int[] pool = subset(train.size(), config.poolLimit(), config.seed());
        int[] eval = subset(test.size(), config.evalLimit(), config.seed() + 1);
        return new ClassificationTask(train, pool, test, eval, config.width(),
                Float.parseFloat(config.option("dropout", "0")));
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

package org.ll4al.tasks.pose;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ll4al.selection.LossPredictionLoss;
import org.ll4al.selection.Signal;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.TaskConfig;
import org.ll4al.tasks.learn.ActiveLearner;
import org.ll4al.tasks.learn.Evaluation;
import org.ll4al.tasks.learn.TrainSettings;
import org.ll4al.tasks.learn.TrainStats;
import org.ll4al.tasks.learn.TrainingListener;

/** Throughput of the cpu preset's model; runs only with -Dll4al.bench=true. */
class PoseThroughputBench {

    @Test
    void cpuPresetThroughput() {
        Assumptions.assumeTrue(Boolean.getBoolean("ll4al.bench"), "benchmark: run with -Dll4al.bench=true");
        Map<String, String> p = new PoseTaskProvider().preset("cpu");
        int size = Integer.parseInt(System.getProperty("bench.imageSize", p.get("imageSize")));
        double width = Double.parseDouble(System.getProperty("bench.width", p.get("width")));
        int stacks = Integer.parseInt(System.getProperty("bench.stacks", p.get("stacks")));
        int batch = Integer.parseInt(System.getProperty("bench.batch", p.get("batch")));
        int epochs = Integer.parseInt(System.getProperty("bench.epochs", "3"));
        Path data = Path.of("target/bench-synthetic-mpii-" + size);
        ActiveLearningTask task = new PoseTaskProvider().create(new TaskConfig(data, 1, width, 400, 200, size, stacks,
                null, List.of(), Map.of("synthetic", "true")));
        System.out.println(task.describe());
        TrainSettings s = new TrainSettings(epochs, batch, Float.parseFloat(p.get("lr")), new int[] {100}, 0f, 0f,
                "rmsprop", Float.parseFloat(p.get("lambda")), 1f, 100, LossPredictionLoss.Kind.RANKING);
        try (ActiveLearner l = ActiveLearner.create(task, s, Device.cpu(), 1)) {
            System.out.println("parameters " + l.parameterCount());
            int[] labeled = new int[400];
            for (int i = 0; i < labeled.length; i++) {
                labeled[i] = i;
            }
            l.train(java.util.Arrays.copyOf(labeled, 2 * batch), new Random(0), TrainingListener.NONE);
            TrainStats t = l.train(labeled, new Random(1), new TrainingListener() {
                @Override
                public void onEpoch(int epoch, int of, double taskLoss, double lpLoss) {
                    System.out.printf("epoch %d task loss %.5f lp loss %.4f%n", epoch, taskLoss, lpLoss);
                }
            });
            System.out.printf("train: %d images in %.1f s = %.1f img/s%n", t.images(), t.seconds(), t.images() / t.seconds());
            long t0 = System.nanoTime();
            l.score(labeled, new int[0], Set.of(Signal.ENTROPY, Signal.PREDICTED_LOSS, Signal.EMBEDDING));
            double sec = (System.nanoTime() - t0) / 1e9;
            System.out.printf("score: %d images in %.1f s = %.1f img/s%n", labeled.length, sec, labeled.length / sec);
            Evaluation e = l.evaluate();
            System.out.printf("evaluate: %d images in %.1f s = %.1f img/s, PCKh %.4f, rank acc %.3f%n",
                    task.evalSize(), e.seconds(), task.evalSize() / e.seconds(), e.metric(), e.lossRankAccuracy());
        }
    }
}

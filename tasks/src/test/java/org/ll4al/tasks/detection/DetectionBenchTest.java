package org.ll4al.tasks.detection;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ll4al.selection.LossPredictionLoss;
import org.ll4al.tasks.TaskConfig;
import org.ll4al.tasks.learn.ActiveLearner;
import org.ll4al.tasks.learn.Evaluation;
import org.ll4al.tasks.learn.TrainSettings;
import org.ll4al.tasks.learn.TrainStats;
import org.ll4al.tasks.learn.TrainingListener;

/** Throughput of SSD variants on the real VOC subset; runs only with {@code -Dll4al.bench=width:size,...}. */
class DetectionBenchTest {

    @Test
    void throughput() {
        String spec = System.getProperty("ll4al.bench", "");
        Path voc = Path.of(System.getProperty("ll4al.shared.data", "missing"), "voc");
        Assumptions.assumeTrue(!spec.isEmpty() && Files.isDirectory(voc), "set -Dll4al.bench=0.25:128 to run");
        int n = Integer.getInteger("ll4al.bench.images", 160);
        int epochs = Integer.getInteger("ll4al.bench.epochs", 1);
        for (String v : spec.split(",")) {
            String[] wv = v.split(":");
            TaskConfig c = new TaskConfig(voc, 1, Double.parseDouble(wv[0]), n, n, Integer.parseInt(wv[1]), 0, null,
                    List.of(), Map.of());
            try (DetectionTask task = new DetectionTask(c)) {
                int[] ids = new int[n];
                for (int i = 0; i < n; i++) {
                    ids[i] = i;
                }
                long t0 = System.nanoTime();
                try (NDManager m = NDManager.newBaseManager()) {
                    for (int i = 0; i < n; i += 16) {
                        task.poolBatch(m, java.util.Arrays.copyOfRange(ids, i, Math.min(n, i + 16))).inputs().close();
                    }
                }
                double load = (System.nanoTime() - t0) / 1e9;
                TrainSettings s = new TrainSettings(epochs, 16, Float.parseFloat(System.getProperty("ll4al.bench.lr", "0.01")), new int[] {1000}, 0.9f, 5e-4f, "sgd", 1f, 1f, 1000,
                        LossPredictionLoss.Kind.RANKING);
                try (ActiveLearner l = ActiveLearner.create(task, s, Device.cpu(), 1)) {
                    TrainStats st = l.train(ids, new Random(1), new TrainingListener() {
                        @Override
                        public void onEpoch(int e, int total, double taskLoss, double lp) {
                            System.out.printf("  epoch %d loss %.3f lp %.3f%n", e, taskLoss, lp);
                        }
                    });
                    Evaluation ev = l.evaluate();
                    System.out.printf("BENCH width %s size %s params %d priors %d: load %.1f img/s, train %.1f img/s"
                            + " (loss %.3f), eval %.1f img/s (mAP %.4f)%n", wv[0], wv[1], l.parameterCount(),
                            task.priors().length, n / load, st.imagesPerSecond(), st.lastTaskLoss(),
                            n / ev.seconds(), ev.metric());
                }
            }
        }
    }
}

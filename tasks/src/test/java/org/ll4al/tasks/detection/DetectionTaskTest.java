package org.ll4al.tasks.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.selection.PoolView;
import org.ll4al.selection.Signal;
import org.ll4al.tasks.MetricAccumulator;
import org.ll4al.tasks.TaskBatch;
import org.ll4al.tasks.training.ActiveLearner;
import org.ll4al.tasks.training.EpochListener;
import org.ll4al.tasks.training.Evaluation;
import org.ll4al.tasks.training.TrainSettings;
import org.ll4al.tasks.training.TrainStats;

class DetectionTaskTest {

    @TempDir
    Path dir;

    @Test
    void tinySetRunsThroughTheSharedLearner() throws Exception {
        TinyVoc.write(dir, 12, 6);
        try (DetectionTask task = new DetectionTask(TinyVoc.config(dir, 64, 0.125, Map.of()))) {
            assertEquals(12, task.poolSize());
            assertEquals(6, task.evalSize());
            int p = task.priors().length;
            assertEquals(8 * 8 * 4 + 4 * 4 * 6 + 2 * 2 * 6 + 6 + 4 + 4, p);
            TrainSettings settings = TrainSettings.builder()
                    .setEpochs(2)
                    .setBatch(4)
                    .setLr(0.001f)
                    .optMilestones(1)
                    .optDetachEpoch(1)
                    .build();
            try (ActiveLearner learner = ActiveLearner.create(task, settings, Device.cpu(), 3)) {
                int[] labeled = {0, 1, 2, 3, 4, 5, 6, 7};
                TrainStats stats = learner.train(labeled, new Random(1), EpochListener.NONE);
                assertEquals(16, stats.images());
                assertTrue(
                        Double.isFinite(stats.lastTaskLoss()) && stats.lastTaskLoss() > 0,
                        "task loss " + stats.lastTaskLoss());
                int[] subset = {8, 9, 10, 11};
                PoolView view =
                        learner.score(subset, labeled, Set.of(Signal.ENTROPY, Signal.PREDICTED_LOSS, Signal.EMBEDDING));
                float[] h = view.scores(Signal.ENTROPY);
                float[] l = view.scores(Signal.PREDICTED_LOSS);
                assertEquals(4, h.length);
                assertEquals(4, l.length);
                for (int i = 0; i < 4; i++) {
                    assertTrue(Float.isFinite(l[i]));
                    assertTrue(h[i] >= 0 && h[i] <= Math.log(4) + 1e-4, "entropy " + h[i]);
                }
                Evaluation ev = learner.evaluate();
                assertTrue(ev.metric() >= 0 && ev.metric() <= 1, "mAP " + ev.metric());
                assertTrue(ev.lossRankAccuracy() >= 0 && ev.lossRankAccuracy() <= 1);
            }
        }
    }

    @Test
    void batchesHaveTheDeclaredShapesAndTheLossIsPerImage() throws Exception {
        TinyVoc.write(dir, 4, 2);
        try (DetectionTask task = new DetectionTask(TinyVoc.config(dir, 64, 0.125, Map.of()));
                NDManager m = NDManager.newBaseManager(Device.cpu())) {
            int p = task.priors().length;
            TaskBatch b = task.trainBatch(m, new int[] {0, 1, 2}, new Random(5));
            assertEquals(new Shape(3, 3, 64, 64), b.inputs().head().getShape());
            assertEquals(new Shape(3, p, 4), b.labels().get(0).getShape());
            assertEquals(new Shape(3, p), b.labels().get(1).getShape());
            TaskBatch e = task.evalBatch(m, new int[] {0, 1});
            int[] conf = e.labels().get(1).toIntArray();
            int positives = 0;
            for (int c : conf) {
                positives += c > 0 ? 1 : 0;
            }
            assertTrue(positives >= 2, "each image has a matched prior");
            // zero offsets and uniform scores: loss = smooth-L1 of the targets + ln(4) x (1 + 3) per positive
            NDArray loc = m.zeros(new Shape(2, p, 4));
            NDArray scores = m.zeros(new Shape(2, p, 4));
            float[] loss = task.perSampleLoss(new NDList(loc, scores), e).toFloatArray();
            assertEquals(2, loss.length);
            float[] t = e.labels().get(0).toFloatArray();
            for (int i = 0; i < 2; i++) {
                double sl1 = 0;
                int pos = 0;
                for (int j = 0; j < p; j++) {
                    if (conf[i * p + j] > 0) {
                        pos++;
                        for (int k = 0; k < 4; k++) {
                            double d = Math.abs(t[(i * p + j) * 4 + k]);
                            sl1 += d < 1 ? 0.5 * d * d : d - 0.5;
                        }
                    }
                }
                double expected = (sl1 + 4 * pos * Math.log(4)) / pos;
                assertEquals(expected, loss[i], 1e-3 * expected);
            }
        }
    }

    @Test
    void evaluationDecodesOnceAndGivesTheSameMapAndEntropyAsSeparateCalls() throws Exception {
        TinyVoc.write(dir, 4, 6);
        try (DetectionTask task = new DetectionTask(TinyVoc.config(dir, 64, 0.125, Map.of()));
                NDManager m = NDManager.newBaseManager(Device.cpu())) {
            int p = task.priors().length;
            TaskBatch e = task.evalBatch(m, new int[] {0, 1, 2, 3, 4, 5});
            Random r = new Random(11);
            float[] loc = new float[6 * p * 4];
            float[] scores = new float[6 * p * 4];
            for (int i = 0; i < loc.length; i++) {
                loc[i] = (float) (0.3 * r.nextGaussian());
                scores[i] = (float) (3 * r.nextGaussian());
            }
            NDList heads = new NDList(m.create(loc, new Shape(6, p, 4)), m.create(scores, new Shape(6, p, 4)));
            MetricAccumulator once = task.newMetric();
            float[] h =
                    task.evaluateBatch(once, heads, e, Set.of(Signal.ENTROPY)).get(Signal.ENTROPY);
            MetricAccumulator apart = task.newMetric();
            apart.add(heads, e);
            float[] expected =
                    task.uncertainty(heads, e, Set.of(Signal.ENTROPY)).get(Signal.ENTROPY);
            assertArrayEquals(expected, h);
            assertEquals(apart.value(), once.value());
            double sum = 0;
            for (float v : h) {
                sum += v;
            }
            assertTrue(sum > 0, "random heads give detections with positive entropy");
            assertTrue(task.evaluateBatch(task.newMetric(), heads, e, Set.of()).isEmpty());
        }
    }
}

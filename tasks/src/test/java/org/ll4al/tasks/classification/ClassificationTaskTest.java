package org.ll4al.tasks.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.selection.Signal;
import org.ll4al.selection.SubsetSampler;
import org.ll4al.tasks.MetricAccumulator;
import org.ll4al.tasks.TaskBatch;

class ClassificationTaskTest {

    @TempDir
    Path dir;

    @Test
    void resnet18HasTheReferenceParameterCountAndFourTaps() {
        try (NDManager m = NDManager.newBaseManager()) {
            CifarResNet net = new CifarResNet(1.0, 10);
            net.setInitializer(new NormalInitializer(), Parameter.Type.WEIGHT);
            net.initialize(m, DataType.FLOAT32, new Shape(2, 3, 32, 32));
            long count = 0;
            for (var p : net.getParameters()) {
                if (p.getValue().getType() != Parameter.Type.RUNNING_MEAN
                        && p.getValue().getType() != Parameter.Type.RUNNING_VAR) {
                    count += p.getValue().getArray().size();
                }
            }
            assertEquals(11_173_962L, count);
            NDList out = net.forward(new ParameterStore(m, false), new NDList(m.zeros(new Shape(2, 3, 32, 32))), false);
            Shape[] expected = {
                new Shape(2, 10),
                new Shape(2, 64, 32, 32),
                new Shape(2, 128, 16, 16),
                new Shape(2, 256, 8, 8),
                new Shape(2, 512, 4, 4),
                new Shape(2, 512)
            };
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], out.get(i).getShape(), "output " + i);
            }
        }
    }

    @Test
    void perSampleCrossEntropyAndSoftmaxSignals() throws Exception {
        Cifar10Writer.writeSynthetic(dir, 20, 10, 3);
        ClassificationTask task = new ClassificationTask(
                Cifar10.loadTrain(dir), new int[] {0, 1, 2}, Cifar10.loadTest(dir), new int[] {0}, 0.125);
        try (NDManager m = NDManager.newBaseManager()) {
            TaskBatch b = task.poolBatch(m, new int[] {0, 1});
            // labels of images 0 and 1 are 0 and 1
            float[] logits = new float[20];
            logits[0] = 2f; // sample 0: p(class 0) = e^2 / (e^2 + 9)
            NDList heads = new NDList(m.create(logits, new Shape(2, 10)));
            float[] loss = task.perSampleLoss(heads, b).toFloatArray();
            assertEquals(-Math.log(Math.exp(2) / (Math.exp(2) + 9)), loss[0], 1e-5);
            assertEquals(Math.log(10), loss[1], 1e-5);
            Map<Signal, float[]> u =
                    task.uncertainty(heads, b, Set.of(Signal.ENTROPY, Signal.MARGIN, Signal.LEAST_CONFIDENCE));
            double p0 = Math.exp(2) / (Math.exp(2) + 9);
            double q = 1 / (Math.exp(2) + 9);
            assertEquals(-(p0 * Math.log(p0) + 9 * q * Math.log(q)), u.get(Signal.ENTROPY)[0], 1e-5);
            assertEquals(Math.log(10), u.get(Signal.ENTROPY)[1], 1e-5);
            assertEquals(p0 - q, u.get(Signal.MARGIN)[0], 1e-6);
            assertEquals(0.0, u.get(Signal.MARGIN)[1], 1e-6);
            assertEquals(1 - p0, u.get(Signal.LEAST_CONFIDENCE)[0], 1e-6);
        }
    }

    @Test
    void metricIsTopOneAccuracyNamedAsInTheResults() throws Exception {
        Cifar10Writer.writeSynthetic(dir, 20, 10, 3);
        ClassificationTask task = new ClassificationTask(
                Cifar10.loadTrain(dir), new int[] {0, 1, 2}, Cifar10.loadTest(dir), new int[] {0, 1, 2}, 0.125);
        MetricAccumulator metric = task.newMetric();
        TopOneAccuracy top1 = assertInstanceOf(TopOneAccuracy.class, metric);
        assertEquals("top1_accuracy", task.metricName());
        assertEquals(task.metricName(), top1.name());
        assertTrue(Double.isNaN(metric.value()), "no batch yet");
        try (NDManager m = NDManager.newBaseManager()) {
            TaskBatch b = task.evalBatch(m, new int[] {0, 1, 2}); // labels 0, 1, 2
            float[] logits = new float[30];
            logits[0] = 1f; // right
            logits[10 + 1] = 1f; // right
            logits[20 + 5] = 1f; // wrong
            metric.add(new NDList(m.create(logits, new Shape(3, 10))), b);
        }
        assertEquals(2.0 / 3, metric.value(), 1e-12);
    }

    @Test
    void augmentationIsACropOfThePaddedImageOrItsMirror() throws Exception {
        Cifar10Writer.writeSynthetic(dir, 2, 1, 5);
        Cifar10 data = Cifar10.loadTrain(dir);
        float[] plain = new float[Cifar10.PIXELS];
        CifarBatcher.write(data, 1, plain, 0, null);
        assertEquals((data.pixel(1, 33) / 255f - 0.4914f) / 0.2470f, plain[33], 1e-6);
        Random rng = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            float[] aug = new float[Cifar10.PIXELS];
            CifarBatcher.write(data, 1, aug, 0, rng);
            // every augmented pixel is either padding or some pixel of the same channel and row offset
            boolean found = false;
            for (int dy = -4; dy <= 4 && !found; dy++) {
                for (int dx = -4; dx <= 4 && !found; dx++) {
                    for (boolean flip : new boolean[] {false, true}) {
                        if (matches(plain, aug, dy, dx, flip)) {
                            found = true;
                            break;
                        }
                    }
                }
            }
            assertEquals(true, found, "augmented image " + trial + " is a shifted (and maybe mirrored) copy");
        }
    }

    private static boolean matches(float[] plain, float[] aug, int dy, int dx, boolean flip) {
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int sy = y + dy;
                    int sx = (flip ? 31 - x : x) + dx;
                    if (sy < 0 || sy > 31 || sx < 0 || sx > 31) {
                        continue;
                    }
                    if (aug[c * 1024 + y * 32 + x] != plain[c * 1024 + sy * 32 + sx]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Test
    void poolSubsetIsSeededAndSorted() {
        int[] a = SubsetSampler.limit(100, 10, 4);
        assertArrayEquals(a, SubsetSampler.limit(100, 10, 4));
        assertEquals(10, Arrays.stream(a).distinct().count());
        assertArrayEquals(Arrays.stream(a).sorted().toArray(), a);
        assertEquals(100, SubsetSampler.limit(100, 0, 4).length);
    }
}

package org.ll4al.harness.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.selection.CoreSetStrategy;
import org.ll4al.selection.PoolView;
import org.ll4al.selection.lossprediction.LearningLossNetwork;
import org.ll4al.selection.lossprediction.LossPredictionModule;
import org.ll4al.tasks.classification.CifarResNet;

/**
 * The Python references in {@code scripts/bench/} run at tiny sizes with {@code /usr/bin/python3}
 * (Debian's python3-torch and python3-numpy), compute the same thing as the Java side, and the
 * side-by-side command runs with them. Skipped with a message where that interpreter lacks
 * torch. No timing is asserted.
 */
class BenchReferenceScriptsTest {

    private static final String PYTHON = BenchReference.DEFAULT_PYTHONS.get(0);

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsTorch() throws InterruptedException {
        Assumptions.assumeTrue(
                BenchReference.moduleVersion(PYTHON, "torch") != null,
                "skipped: " + PYTHON + " has no torch (apt-get install python3-torch)");
    }

    private static BenchReference reference(String module, String script) throws InterruptedException {
        Properties p = new Properties();
        p.setProperty("benchPython", PYTHON);
        BenchReference ref = BenchReference.find(p, module, script);
        assertTrue(ref.available(), ref.skipped());
        return ref;
    }

    @Test
    void resnetReferenceTrainsAndScoresTheSameNetworkAtTinySize() throws Exception {
        Map<String, Object> json = reference("torch", "resnet_cifar.py")
                .run(List.of(
                        "--width",
                        "0.125",
                        "--images",
                        "16",
                        "--batch",
                        "8",
                        "--infer-batch",
                        "16",
                        "--warmup",
                        "1",
                        "--rounds",
                        "1",
                        "--threads",
                        "1"));
        assertEquals("resnet_cifar", json.get("bench"));
        assertEquals(1.0, json.get("threads"));
        assertEquals("inference", json.get("grad_mode"));
        assertTrue(BenchReference.numbers(json, "train_img_s")[0] > 0, json.toString());
        assertTrue(BenchReference.numbers(json, "infer_img_s")[0] > 0, json.toString());
        assertEquals(
                (double) trainableParameters(0.125),
                json.get("parameters"),
                "same trainable parameters as CifarResNet + LossPredictionModule: " + json);
    }

    @Test
    void resnetReferenceTimesOnlyThePhasesAsked() throws Exception {
        List<String> common = List.of(
                "--width",
                "0.125",
                "--images",
                "16",
                "--batch",
                "8",
                "--infer-batch",
                "16",
                "--warmup",
                "1",
                "--rounds",
                "2",
                "--threads",
                "1",
                "--phases");
        Map<String, Object> inference = reference("torch", "resnet_cifar.py").run(concat(common, "inference"));
        assertEquals("inference", inference.get("phases"));
        assertEquals(List.of(), inference.get("train_img_s"));
        assertEquals(2, BenchReference.numbers(inference, "infer_img_s").length, inference.toString());
        Map<String, Object> twice =
                reference("torch", "resnet_cifar.py").run(concat(common, "inference", "--score-again"));
        assertEquals(2, BenchReference.numbers(twice, "infer_again_img_s").length, twice.toString());
        assertEquals(List.of(), inference.get("infer_again_img_s"), "no second pass unless asked");
        Map<String, Object> training = reference("torch", "resnet_cifar.py").run(concat(common, "training"));
        assertEquals(List.of(), training.get("infer_img_s"));
        assertEquals(2, BenchReference.numbers(training, "train_img_s").length, training.toString());
    }

    private static List<String> concat(List<String> a, String... tail) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(tail));
        return all;
    }

    @Test
    void resnetReferenceFoldsBatchNormIntoTheConvolutionsWithoutChangingThePredictions() throws Exception {
        Map<String, Object> json = reference("torch", "resnet_cifar.py")
                .run(List.of(
                        "--width",
                        "0.125",
                        "--images",
                        "16",
                        "--batch",
                        "8",
                        "--infer-batch",
                        "16",
                        "--warmup",
                        "1",
                        "--rounds",
                        "1",
                        "--threads",
                        "1",
                        "--fold-bn"));
        assertEquals(true, json.get("fold_bn"));
        assertTrue(BenchReference.numbers(json, "infer_img_s")[0] > 0, json.toString());
        double diff = ((Number) json.get("fold_max_abs_diff")).doubleValue();
        assertTrue(diff < 1e-4, "folded and eager predicted losses differ by " + diff);
    }

    /** Trainable parameters of the Java network (BatchNorm running statistics excluded, as PyTorch's buffers). */
    private static long trainableParameters(double width) {
        LearningLossNetwork net = new LearningLossNetwork(
                new CifarResNet(width, 10),
                LossPredictionModule.builder().setTapCount(4).build());
        try (NDManager m = NDManager.newBaseManager()) {
            net.initialize(m, DataType.FLOAT32, new Shape(2, 3, 32, 32));
            return net.getParameters().values().stream()
                    .filter(p -> p.requiresGradient())
                    .mapToLong(p -> p.getArray().size())
                    .sum();
        }
    }

    @Test
    void coresetReferencePicksWhatCoreSetStrategyPicks() throws Exception {
        int n = 300;
        int labeledCount = 40;
        int dim = 16;
        int pick = 25;
        Random rng = new Random(7);
        float[][] unlabeled = gaussian(rng, n, dim);
        float[][] labeled = gaussian(rng, labeledCount, dim);
        Path u = write(tmp.resolve("u.f32"), unlabeled);
        Path l = write(tmp.resolve("l.f32"), labeled);
        Map<String, Object> json = reference("numpy", "coreset.py")
                .run(List.of(
                        "--dim",
                        "" + dim,
                        "--pick",
                        "" + pick,
                        "--unlabeled-file",
                        u.toString(),
                        "--labeled-file",
                        l.toString(),
                        "--emit-picks",
                        "--threads",
                        "1"));
        assertEquals((double) n, json.get("n"));
        assertEquals((double) labeledCount, json.get("labeled"));
        assertTrue(BenchReference.numbers(json, "seconds")[0] > 0);
        int[] numpy = Arrays.stream(BenchReference.numbers(json, "picks"))
                .mapToInt(d -> (int) d)
                .toArray();
        int[] ids = new int[n];
        Arrays.setAll(ids, i -> i);
        PoolView pool =
                PoolView.builder().setIds(ids).optEmbeddings(unlabeled, labeled).build();
        int[] java = new CoreSetStrategy().select(pool, pick, new Random(0)).ids();
        assertArrayEquals(java, numpy, "same greedy k-center picks in the same order");
    }

    private static float[][] gaussian(Random rng, int n, int dim) {
        float[][] x = new float[n][dim];
        for (float[] row : x) {
            for (int j = 0; j < dim; j++) {
                row[j] = (float) rng.nextGaussian();
            }
        }
        return x;
    }

    private static Path write(Path file, float[][] x) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(x.length * x[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : x) {
            for (float v : row) {
                b.putFloat(v);
            }
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.write(b.array());
        }
        return file;
    }

    @Test
    void sideBySideCommandRunsWithTheRealReferences() throws Exception {
        Properties p = new Properties();
        p.setProperty("preset", "smoke"); // width 0.125
        p.setProperty("batch", "8");
        p.setProperty("benchImages", "16");
        p.setProperty("benchRounds", "1");
        p.setProperty("benchCompare", "pytorch");
        String text = bench("classification", p);
        assertTrue(text.contains("torch " + BenchReference.moduleVersion(PYTHON, "torch")), text);
        assertTrue(text.matches("(?s).*training img/s .*\\[.*\\].*\\[.*\\].*\\[.*\\].*"), text);
        assertTrue(text.matches("(?s).*inference img/s .*\\[.*\\].*\\[.*\\].*\\[.*\\].*"), text);
        assertFalse(text.contains("skipped"), text);

        Properties c = new Properties();
        c.setProperty("benchN", "200");
        c.setProperty("benchDim", "16");
        c.setProperty("benchPick", "10");
        c.setProperty("benchRounds", "1");
        c.setProperty("benchCompare", "pytorch");
        String cs = bench("coreset", c);
        assertTrue(cs.matches("(?s).*core-set seconds .*\\[.*\\].*\\[.*\\].*\\[.*\\].*"), cs);
        assertFalse(cs.contains("skipped"), cs);
    }

    private static String bench(String what, Properties p) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(b, true, StandardCharsets.UTF_8)) {
            Benchmark.run(what, p, out);
        }
        String text = b.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        return text;
    }
}

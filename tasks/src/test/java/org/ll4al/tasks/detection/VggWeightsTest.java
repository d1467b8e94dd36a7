package org.ll4al.tasks.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ll4al.tasks.TaskDataException;
import org.ll4al.tasks.weights.TorchStateDict;

/**
 * Loading ImageNet VGG-16 state dicts (ssd.pytorch and torchvision key layouts, torch.save zip and
 * legacy formats, safetensors) into the SSD's VGG base, on the small fixtures of {@code
 * scripts/fixtures/state_dict_reference.py}: values, the base's forward against a PyTorch
 * reference, and one error naming the file and the tensor for each malformed file.
 */
class VggWeightsTest {

    /** The fixtures' variant: SSD96 at width 1/32 (channels 8, 8, 8, 16, 32). */
    private static final SsdLayout LAYOUT = new SsdLayout(96, 1.0 / 32);

    private static JsonObject expected;

    @BeforeAll
    static void readExpected() throws IOException {
        try (InputStream in = VggWeightsTest.class.getResourceAsStream("/fixtures/state_dicts/expected.json")) {
            expected = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        }
    }

    private static Path fixture(String name) {
        try {
            return Path.of(VggWeightsTest.class
                    .getResource("/fixtures/state_dicts/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SsdNetwork net(NDManager m, SsdLayout layout, boolean batchNorm, Path pretrained) {
        Engine.getInstance().setRandomSeed(7);
        SsdNetwork net = new SsdNetwork(layout, 3, batchNorm).optPretrained(pretrained);
        net.setInitializer(
                new NormalInitializer(0.01f), p -> p.getType() == Parameter.Type.WEIGHT && p.getInitializer() == null);
        net.initialize(m, DataType.FLOAT32, new Shape(1, 3, layout.imageSize(), layout.imageSize()));
        return net;
    }

    private static List<Conv2d> convs(Block vgg) {
        List<Conv2d> out = new ArrayList<>();
        collectLeaves(vgg, new ArrayList<>()).forEach(b -> {
            if (b instanceof Conv2d c) {
                out.add(c);
            }
        });
        return out;
    }

    private static List<Block> collectLeaves(Block b, List<Block> leaves) {
        if (b.getChildren().isEmpty()) {
            leaves.add(b);
        }
        for (Block c : b.getChildren().values()) {
            collectLeaves(c, leaves);
        }
        return leaves;
    }

    /** Asserts shape, sum, weighted sum and first values of one tensor against expected.json. */
    private static void assertSummary(JsonObject e, NDArray a, String what, double relTol) {
        assertSummary(e, a.getShape(), a.toFloatArray(), what, relTol);
    }

    private static void assertSummary(JsonObject e, Shape actual, float[] v, String what, double relTol) {
        JsonArray shape = e.getAsJsonArray("shape");
        long[] s = new long[shape.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape.get(i).getAsLong();
        }
        assertEquals(new Shape(s), actual, what);
        double sum = 0;
        double wsum = 0;
        double abs = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[i];
            wsum += v[i] * (double) (i % 7 + 1);
            abs += Math.abs(v[i]) * (i % 7 + 1);
        }
        double tol = relTol * abs + 1e-12;
        assertEquals(e.get("sum").getAsDouble(), sum, tol, what + " sum");
        assertEquals(e.get("wsum").getAsDouble(), wsum, tol, what + " weighted sum");
        JsonArray first = e.getAsJsonArray("first");
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).getAsDouble(), v[i], relTol * Math.abs(v[i]) + 1e-12, what + " element " + i);
        }
    }

    /** The fixture image: RGB 0-255, normalised as DetectionTask does. */
    private static NDArray input(NDManager m) {
        int n = LAYOUT.imageSize();
        float[] z = new float[3 * n * n];
        for (int c = 0; c < 3; c++) {
            for (int h = 0; h < n; h++) {
                for (int w = 0; w < n; w++) {
                    float x = (71 * c + 13 * h + 29 * w + (h * w) % 17) % 256;
                    z[(c * n + h) * n + w] = (x - SsdAugmentation.MEAN[c]) / VggWeights.STD[c];
                }
            }
        }
        return m.create(z, new Shape(1, 3, n, n));
    }

    /** Runs the first {@code count} leaf blocks of the base (35 = conv1_1 .. fc7 + ReLU). */
    private static float[] forward(NDManager m, Block vgg, int count) {
        List<Block> leaves = collectLeaves(vgg, new ArrayList<>());
        assertEquals(35, leaves.size(), "leaves of the VGG base: ssd.pytorch's vgg ModuleList has 35");
        NDList x = new NDList(input(m));
        ParameterStore ps = new ParameterStore(m, false);
        for (int i = 0; i < count; i++) {
            x = leaves.get(i).forward(ps, x, false);
        }
        return x.singletonOrThrow().toFloatArray();
    }

    private static void assertClose(JsonArray reference, float[] actual, String what) {
        assertEquals(reference.size(), actual.length, what + " size");
        double max = 0;
        for (int i = 0; i < actual.length; i++) {
            max = Math.max(max, Math.abs(reference.get(i).getAsDouble()));
        }
        assertTrue(max > 1e-3, what + ": the reference is not all zero");
        for (int i = 0; i < actual.length; i++) {
            assertEquals(reference.get(i).getAsDouble(), actual[i], 2e-5 * max, what + " element " + i);
        }
    }

    @Test
    void ssdPytorchDictsLoadAllFifteenConvolutionsInBothFormats() {
        JsonObject ssd = expected.getAsJsonObject("ssd");
        JsonObject conv1 = expected.getAsJsonObject("ssd_conv1_loaded");
        float[][] first = null;
        for (String file : new String[] {"ssd_legacy.pth", "ssd_zip.pth"}) {
            try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
                SsdNetwork net = net(m, LAYOUT, false, fixture(file));
                List<Conv2d> convs = convs(net.vgg());
                assertEquals(15, convs.size());
                float[][] all = new float[30][];
                for (int i = 0; i < 15; i++) {
                    for (int k = 0; k < 2; k++) {
                        String kind = k == 0 ? "weight" : "bias";
                        NDArray a = convs.get(i).getParameters().get(kind).getArray();
                        String what = file + " " + VggWeights.NAMES[i] + " " + kind;
                        if (i == 0) { // conv1_1 converted from Caffe's BGR 0-255 input to this suite's
                            assertSummary(conv1.getAsJsonObject(kind), a, what, 1e-6);
                        } else {
                            assertSummary(ssd.getAsJsonObject(VggWeights.INDICES[i] + "." + kind), a, what, 1e-9);
                        }
                        assertTrue(a.hasGradient(), what + " stays trainable");
                        all[2 * i + k] = a.toFloatArray();
                    }
                }
                if (first == null) {
                    first = all;
                } else {
                    for (int j = 0; j < all.length; j++) {
                        assertArrayEquals(first[j], all[j], "legacy and zip format give the same tensor " + j);
                    }
                }
                float[] fc7 = forward(m, net.vgg(), 35);
                assertClose(
                        expected.getAsJsonObject("ssd_fc7").getAsJsonArray("values"),
                        fc7,
                        file + ": fc7 against ssd.pytorch's layers on the BGR image");
            }
        }
    }

    @Test
    void torchvisionDictsLoadConv1To5AndLeaveFc6Fc7Random() {
        JsonObject tv = expected.getAsJsonObject("tv");
        float[][] randomFc;
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            List<Conv2d> scratch = convs(net(m, LAYOUT, false, null).vgg());
            randomFc = new float[][] {
                scratch.get(13).getParameters().get("weight").getArray().toFloatArray(),
                scratch.get(14).getParameters().get("weight").getArray().toFloatArray()
            };
        }
        for (String file : new String[] {"tv_zip.pth", "tv_legacy.pth", "tv.safetensors"}) {
            try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
                SsdNetwork net = net(m, LAYOUT, false, fixture(file));
                List<Conv2d> convs = convs(net.vgg());
                for (int i = 0; i < 13; i++) {
                    for (String kind : new String[] {"weight", "bias"}) {
                        String key = "features." + VggWeights.INDICES[i] + "." + kind;
                        assertSummary(
                                tv.getAsJsonObject(key),
                                convs.get(i).getParameters().get(kind).getArray(),
                                file + " " + key,
                                1e-9);
                    }
                }
                assertArrayEquals(
                        randomFc[0],
                        convs.get(13).getParameters().get("weight").getArray().toFloatArray(),
                        file + ": fc6 keeps its initialisation");
                assertArrayEquals(
                        randomFc[1],
                        convs.get(14).getParameters().get("weight").getArray().toFloatArray(),
                        file + ": fc7 keeps its initialisation");
                float[] conv53 = forward(m, net.vgg(), 30);
                assertClose(
                        expected.getAsJsonObject("tv_conv5_3").getAsJsonArray("values"),
                        conv53,
                        file + ": conv5_3 against torchvision's layers");
            }
        }
    }

    @Test
    void pickleProtocol4IsRead() throws IOException {
        try (TorchStateDict d = TorchStateDict.open(fixture("protocol4.pth"))) {
            assertEquals(
                    List.of("0.weight", "0.bias", "2.weight", "2.bias", "5.weight", "5.bias", "7.weight", "7.bias"),
                    new ArrayList<>(d.tensors().keySet()));
            for (TorchStateDict.Tensor t : d.tensors().values()) {
                assertSummary(
                        expected.getAsJsonObject("ssd").getAsJsonObject(t.key()),
                        new Shape(t.shape()),
                        d.values(t),
                        "protocol4.pth " + t.key(),
                        1e-9);
            }
        }
    }

    @Test
    void loadedBaseTrains() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            SsdNetwork net = net(m, LAYOUT, false, fixture("ssd_legacy.pth"));
            ParameterStore ps = new ParameterStore(m, false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = net.vgg().forward(ps, new NDList(input(m)), true).singletonOrThrow();
                gc.backward(out.sum());
            }
            for (var p : net.vgg().getParameters()) {
                NDArray g = p.getValue().getArray().getGradient();
                assertTrue(g.abs().sum().getFloat() > 0, p.getKey() + " gets a gradient");
            }
        }
    }

    private static String error(String file, SsdLayout layout, boolean batchNorm) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            TaskDataException e = assertThrows(TaskDataException.class, () -> net(m, layout, batchNorm, fixture(file)));
            assertTrue(e.getMessage().contains(file), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            return e.getMessage();
        }
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "\"" + p + "\" in: " + message);
        }
    }

    @Test
    void malformedFilesGetOneErrorNamingFileAndTensor() {
        assertContains(
                error("wrong_shape.pth", LAYOUT, false),
                "10.weight",
                "conv3_1",
                "(9, 8, 3, 3)",
                "expects (8, 8, 3, 3)");
        assertContains(error("missing_key.pth", LAYOUT, false), "no tensor 12.bias", "conv3_2 bias");
        assertContains(error("half.pth", LAYOUT, false), "tensor 0.weight", "HalfStorage");
        assertContains(error("list.pth", LAYOUT, false), "holds a list", "state dict");
        assertContains(error("module.pth", LAYOUT, false), "torch.nn.modules.conv.Conv2d", "state dict");
        assertContains(error("not_torch.pth", LAYOUT, false), "PyTorch state dict", "safetensors");
        assertContains(
                error("ssd_legacy.pth", new SsdLayout(96, 0.125), false),
                "tensor 5.weight",
                "conv2_1",
                "shape (8, 8, 3, 3)",
                "expects (16, 8, 3, 3)",
                "width 1");
        assertContains(error("ssd_zip.pth", LAYOUT, true), "BatchNorm", "-DbatchNorm=false");
    }
}

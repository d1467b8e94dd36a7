package org.ll4al.tasks.detection;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ll4al.tasks.TaskDataException;
import org.ll4al.tasks.weights.TorchStateDict;

/**
 * Loads {@code -Dpretrained} weights into the VGG base of an {@link SsdNetwork}: this project's
 * DJL parameter file ({@code -Dpretrain=vgg}), or the ImageNet VGG-16 as PyTorch users have it
 * ({@code torch.save} state dicts in the zip or legacy format, read by {@link TorchStateDict}, or
 * safetensors, read by DJL's {@link NDList#decode}).
 *
 * <p>State-dict keys: ssd.pytorch's {@code vgg16_reducedfc.pth} names the 15 convolutions by their
 * index in its {@code vgg} ModuleList ({@code 0, 2, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28} for
 * conv1_1..conv5_3, {@code 31} for the dilated fc6 and {@code 33} for fc7; a trained ssd.pytorch
 * SSD prefixes them with {@code vgg.}); torchvision's {@code vgg16-397923af.pth} uses the same
 * indices under {@code features.} and has no fc6/fc7 convolutions: those two keep their random
 * initialisation (as torchvision's own SSD300 does), which is printed once per file, and its
 * {@code classifier.*} tensors are ignored. Shapes must be exactly those of the base, so these
 * files need width 1 and no BatchNorm.
 *
 * <p>Input convention: this suite feeds RGB normalised as {@code (x - MEAN) / STD} (x in 0-255),
 * which is torchvision's. ssd.pytorch's weights come from Caffe's VGG, which takes BGR 0-255 minus
 * (104, 117, 123); conv1_1 is converted on loading (input channels reversed and scaled by STD, the
 * mean difference folded into the bias) so the base computes what ssd.pytorch's does on the same
 * image, up to the padding border of conv1_1 (which sees the <1 grey-level mean difference).
 */
final class VggWeights {

    /** Indices of the 15 convolutions in ssd.pytorch's {@code vgg} ModuleList and torchvision's features. */
    static final int[] INDICES = {0, 2, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31, 33};
    /** The layers' names. */
    static final String[] NAMES = {
        "conv1_1", "conv1_2", "conv2_1", "conv2_2", "conv3_1", "conv3_2", "conv3_3", "conv4_1", "conv4_2", "conv4_3",
        "conv5_1", "conv5_2", "conv5_3", "fc6", "fc7"
    };
    /** This suite's input normalisation (DetectionTask: RGB, mean of SsdAugmentation, these deviations). */
    static final float[] STD = {58.4f, 57.1f, 57.4f};
    /** ssd.pytorch's (Caffe's) input means in RGB order (its MEANS = (104, 117, 123) are BGR). */
    static final float[] CAFFE_MEAN_RGB = {123f, 117f, 104f};

    private static final Set<Path> NOTED = ConcurrentHashMap.newKeySet();

    private VggWeights() {}

    /** A tensor source: shapes and C-order float32 values by key. */
    private interface Source {
        Set<String> keys();

        long[] shape(String key);

        /** Throws unless the tensor's element type can be read. */
        void checkType(String key);

        float[] values(String key) throws IOException;
    }

    /**
     * Loads the file into the initialised base.
     *
     * @param file the file given as {@code -Dpretrained}
     * @param vgg the SSD's VGG base (conv1_1 .. fc7), initialised
     * @param layout the SSD variant, for messages
     * @param manager the manager of the base's parameters
     * @throws TaskDataException naming the file and what does not fit
     */
    static void load(Path file, Block vgg, SsdLayout layout, NDManager manager) {
        byte[] head = new byte[16];
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            head = Arrays.copyOf(head, in.readNBytes(head, 0, head.length));
        } catch (IOException e) {
            throw new TaskDataException(file + ": cannot read the pretrained weights: " + e.getMessage(), e);
        }
        if (TorchStateDict.recognises(head)) {
            try (TorchStateDict dict = TorchStateDict.open(file)) {
                Map<String, TorchStateDict.Tensor> t = dict.tensors();
                load(file, vgg, layout, new Source() {
                    @Override
                    public Set<String> keys() {
                        return t.keySet();
                    }

                    @Override
                    public long[] shape(String key) {
                        return t.get(key).shape();
                    }

                    @Override
                    public void checkType(String key) {
                        dict.checkType(t.get(key));
                    }

                    @Override
                    public float[] values(String key) throws IOException {
                        return dict.values(t.get(key));
                    }
                });
            }
        } else if (isSafetensors(head, size)) {
            try (NDManager sub = manager.newSubManager(Device.cpu());
                    InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                NDList list;
                try {
                    list = NDList.decode(sub, in);
                } catch (RuntimeException e) {
                    throw new TaskDataException(file + ": not a readable safetensors file: " + e.getMessage(), e);
                }
                Map<String, NDArray> t = new LinkedHashMap<>();
                for (NDArray a : list) {
                    t.put(a.getName(), a);
                }
                load(file, vgg, layout, new Source() {
                    @Override
                    public Set<String> keys() {
                        return t.keySet();
                    }

                    @Override
                    public long[] shape(String key) {
                        return t.get(key).getShape().getShape();
                    }

                    @Override
                    public void checkType(String key) {
                        DataType d = t.get(key).getDataType();
                        if (d != DataType.FLOAT32
                                && d != DataType.FLOAT64
                                && d != DataType.FLOAT16
                                && d != DataType.BFLOAT16) {
                            throw new TaskDataException(
                                    file + ": tensor " + key + " is " + d + "; only floating-point tensors are read");
                        }
                    }

                    @Override
                    public float[] values(String key) {
                        return t.get(key).toType(DataType.FLOAT32, false).toFloatArray();
                    }
                });
            } catch (IOException e) {
                throw new TaskDataException(file + ": cannot read it: " + e.getMessage(), e);
            }
        } else {
            loadDjl(file, vgg, layout, manager);
        }
    }

    private static boolean isSafetensors(byte[] head, long size) {
        if (head.length < 9 || head[8] != '{') {
            return false;
        }
        long n = ByteBuffer.wrap(head, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return n > 0 && n + 8 <= size;
    }

    /** The project's own format, {@code vgg().saveParameters} (written by VggPretraining). */
    private static void loadDjl(Path file, Block vgg, SsdLayout layout, NDManager manager) {
        try (DataInputStream is = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            vgg.loadParameters(manager, is);
            for (var p : vgg.getParameters()) { // loaded arrays come without gradients: train them
                if (p.getValue().requiresGradient() && !p.getValue().getArray().hasGradient()) {
                    p.getValue().getArray().setRequiresGradient(true);
                }
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new TaskDataException(
                    file + ": not VGG base weights of this SSD variant (" + layout
                            + "): neither a parameter file of -Dpretrain=vgg for it nor a PyTorch state dict (torch.save) "
                            + "or safetensors: " + e.getMessage(),
                    e);
        }
    }

    private static void collect(Block b, List<Conv2d> convs, List<Block> norms) {
        if (b instanceof Conv2d c) {
            convs.add(c);
        } else if (b instanceof BatchNorm) {
            norms.add(b);
        }
        for (Block child : b.getChildren().values()) {
            collect(child, convs, norms);
        }
    }

    private static void load(Path file, Block vgg, SsdLayout layout, Source src) {
        List<Conv2d> convs = new ArrayList<>();
        List<Block> norms = new ArrayList<>();
        collect(vgg, convs, norms);
        if (convs.size() != INDICES.length) {
            throw new IllegalStateException("VGG base with " + convs.size() + " convolutions");
        }
        String prefix = null;
        for (String p : new String[] {"", "vgg.", "features."}) {
            if (src.keys().contains(p + "0.weight")) {
                prefix = p;
                break;
            }
        }
        if (prefix == null) {
            List<String> keys = new ArrayList<>(src.keys());
            throw new TaskDataException(file
                    + ": no tensor 0.weight, vgg.0.weight or features.0.weight: not the VGG-16 "
                    + "of ssd.pytorch (vgg16_reducedfc.pth) or torchvision (vgg16-*.pth); its " + keys.size()
                    + " tensors: " + String.join(", ", keys.subList(0, Math.min(8, keys.size())))
                    + (keys.size() > 8 ? ", ..." : ""));
        }
        if (!norms.isEmpty()) {
            throw new TaskDataException(
                    file + ": a VGG-16 state dict holds no BatchNorm layers, but this SSD's base has "
                            + "one after every convolution: run with -DbatchNorm=false (as the paper preset does)");
        }
        boolean torchvision = "features.".equals(prefix);
        int count = INDICES.length;
        if (torchvision
                && !src.keys().contains(prefix + "31.weight")
                && !src.keys().contains(prefix + "33.weight")) {
            count = 13; // torchvision's VGG-16 has no fc6/fc7 convolutions
        }
        List<Parameter> params = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            for (String kind : new String[] {"weight", "bias"}) {
                Parameter p = convs.get(i).getParameters().get(kind);
                String key = prefix + INDICES[i] + "." + kind;
                String what = " (" + NAMES[i] + " " + kind + " of the VGG base)";
                if (!src.keys().contains(key)) {
                    throw new TaskDataException(file + ": no tensor " + key + what + "; a VGG-16 state dict of "
                            + (torchvision ? "torchvision" : "ssd.pytorch") + " holds it");
                }
                Shape expected = p.getArray().getShape();
                Shape found = new Shape(src.shape(key));
                if (!expected.equals(found)) {
                    throw new TaskDataException(file + ": tensor " + key + what + " has shape " + found + ", this SSD ("
                            + layout.imageSize() + " px, width " + layout.width() + ") expects " + expected
                            + (layout.width() != 1
                                    ? "; the VGG-16 files fit width 1 (-Dwidth=1, the paper preset)"
                                    : ""));
                }
                src.checkType(key);
                params.add(p);
                keys.add(key);
            }
        }
        for (int k = 0; k < params.size(); k++) {
            float[] v;
            try {
                v = src.values(keys.get(k));
            } catch (IOException e) {
                throw new TaskDataException(file + ": cannot read tensor " + keys.get(k) + ": " + e.getMessage(), e);
            }
            params.get(k).getArray().set(FloatBuffer.wrap(v));
        }
        if (!torchvision) {
            fromCaffeInput(convs.get(0));
        }
        if (count < INDICES.length && NOTED.add(file.toAbsolutePath())) {
            System.err.println(
                    "pretrained: " + file + " is torchvision's VGG-16 layout: conv1_1..conv5_3 loaded, fc6 and "
                            + "fc7 (no such convolutions there) keep their random initialisation; ssd.pytorch's "
                            + "vgg16_reducedfc.pth holds all 15");
        }
    }

    /**
     * Converts a loaded conv1_1 from Caffe's input (BGR, 0-255 minus {@link #CAFFE_MEAN_RGB}) to
     * this suite's (RGB, (x - MEAN) / STD): W'[o, c] = W[o, 2 - c] STD[c], b' = b + sum W[o, 2 - c] d[c]
     * with d = MEAN - CAFFE_MEAN_RGB.
     */
    static void fromCaffeInput(Conv2d conv1) {
        NDArray w = conv1.getParameters().get("weight").getArray();
        NDArray b = conv1.getParameters().get("bias").getArray();
        float[] wv = w.toFloatArray();
        float[] bv = b.toFloatArray();
        int out = (int) w.getShape().get(0);
        int in = (int) w.getShape().get(1);
        int plane = (int) (w.getShape().size() / out / in);
        float[] converted = new float[wv.length];
        for (int o = 0; o < out; o++) {
            double bias = bv[o];
            for (int c = 0; c < in; c++) {
                double d = SsdAugmentation.MEAN[c] - CAFFE_MEAN_RGB[c];
                for (int k = 0; k < plane; k++) {
                    float src = wv[(o * in + (in - 1 - c)) * plane + k];
                    converted[(o * in + c) * plane + k] = src * STD[c];
                    bias += src * d;
                }
            }
            bv[o] = (float) bias;
        }
        w.set(FloatBuffer.wrap(converted));
        b.set(FloatBuffer.wrap(bv));
    }
}

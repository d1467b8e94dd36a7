package org.ll4al.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ll4al.tasks.nn.GuardedConv2d;
import org.ll4al.tasks.nn.InferenceMemory;

/**
 * SSD with a VGG-16-style base (conv1..conv5 with ceil max pooling, conv4_3 through {@link
 * L2Norm}, dilated fc6 and 1x1 fc7 as convolutions), four extra layer pairs and 3x3 loc/conf heads
 * on six source maps. Forward returns {@code [loc (B,P,4), conf (B,P,C+1), six source maps,
 * embedding (B,D)]}, the embedding being the global average of the deepest source map.
 * Optionally a BatchNorm after every base/extra convolution (for training from scratch).
 */
public final class SsdNetwork extends AbstractBlock {

    private final SsdLayout layout;
    private final int classes;
    private final SequentialBlock vgg;
    private final SequentialBlock conv4;
    private final SequentialBlock fc7;
    private final L2Norm l2norm;
    private final List<SequentialBlock> extras = new ArrayList<>();
    private final List<Block> locHeads = new ArrayList<>();
    private final List<Block> confHeads = new ArrayList<>();
    private Path pretrained;

    /**
     * Builds the network.
     *
     * @param layout sizes of the variant
     * @param classes object classes (the conf head has {@code classes + 1} outputs per box)
     * @param batchNorm whether to put a BatchNorm after every base and extra convolution
     */
    public SsdNetwork(SsdLayout layout, int classes, boolean batchNorm) {
        this.layout = layout;
        this.classes = classes;
        int[] b = SsdLayout.BASE;
        SequentialBlock c4 = new SequentialBlock();
        int[] reps = {2, 2, 3, 3};
        for (int s = 0; s < 4; s++) {
            if (s > 0) {
                c4.add(pool2());
            }
            for (int r = 0; r < reps[s]; r++) {
                conv(c4, layout.ch(b[s]), 3, 1, 1, 1, batchNorm);
            }
        }
        SequentialBlock c7 = new SequentialBlock();
        c7.add(pool2());
        for (int r = 0; r < 3; r++) {
            conv(c7, layout.ch(b[4]), 3, 1, 1, 1, batchNorm);
        }
        c7.add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(1, 1), new Shape(1, 1)));
        int d = layout.dilation();
        conv(c7, layout.ch(b[5]), 3, 1, d, d, batchNorm);
        conv(c7, layout.ch(b[5]), 1, 1, 0, 1, batchNorm);
        vgg = addChildBlock("vgg", new SequentialBlock().add(c4).add(c7));
        conv4 = c4;
        fc7 = c7;
        l2norm = addChildBlock("l2norm", new L2Norm(layout.ch(512)));
        for (int k = 0; k < 4; k++) {
            SequentialBlock e = new SequentialBlock();
            conv(e, layout.ch(SsdLayout.EXTRA[k][0]), 1, 1, 0, 1, batchNorm);
            boolean unpadded = layout.unpadded(k);
            conv(e, layout.ch(SsdLayout.EXTRA[k][1]), 3, unpadded ? 1 : 2, unpadded ? 0 : 1, 1, batchNorm);
            extras.add(addChildBlock("extra" + k, e));
        }
        for (int k = 0; k < 6; k++) {
            int a = PriorBoxes.boxesPerLocation(k);
            locHeads.add(addChildBlock("loc" + k, head(a * 4)));
            confHeads.add(addChildBlock("conf" + k, head(a * (classes + 1))));
        }
    }

    /**
     * Loads the VGG base from this file right after initialisation: one written by {@code
     * vgg().saveParameters} ({@code -Dpretrain=vgg}), or the ImageNet VGG-16 of ssd.pytorch
     * ({@code vgg16_reducedfc.pth}) or torchvision ({@code vgg16-397923af.pth}) as a PyTorch state
     * dict or safetensors ({@link VggWeights}); null = train from scratch.
     */
    public SsdNetwork optPretrained(Path file) {
        this.pretrained = file;
        return this;
    }

    /** The VGG base (conv1_1 .. fc7), whose parameters a pretrained file holds. */
    public Block vgg() {
        return vgg;
    }

    private static Block pool2() {
        return Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true);
    }

    private static Block head(int filters) {
        return GuardedConv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .setFilters(filters)
                .build();
    }

    private static void conv(SequentialBlock seq, int filters, int k, int stride, int pad, int dil, boolean bn) {
        seq.add(GuardedConv2d.builder()
                .setKernelShape(new Shape(k, k))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad))
                .optDilation(new Shape(dil, dil))
                .setFilters(filters)
                .build());
        if (bn) {
            seq.add(BatchNorm.builder().build());
        }
        seq.add(Activation.reluBlock());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        // when not training, intermediates are freed as soon as they are read (InferenceMemory)
        NDList x = InferenceMemory.forward(conv4, ps, inputs, training, params);
        List<NDArray> sources = new ArrayList<>(6);
        sources.add(l2norm.forward(ps, x, training, params).singletonOrThrow());
        NDList conv4Out = x;
        x = InferenceMemory.forward(fc7, ps, x, training, params);
        if (!training) {
            conv4Out.close(); // read by l2norm and fc7, not a source itself
        }
        sources.add(x.singletonOrThrow());
        for (SequentialBlock e : extras) {
            x = InferenceMemory.forward(e, ps, x, training, params);
            sources.add(x.singletonOrThrow());
        }
        long batch = inputs.head().getShape().get(0);
        NDList locs = new NDList(6);
        NDList confs = new NDList(6);
        for (int k = 0; k < 6; k++) {
            NDList s = new NDList(sources.get(k));
            locs.add(head(locHeads.get(k), ps, s, training, params, batch, 4));
            confs.add(head(confHeads.get(k), ps, s, training, params, batch, classes + 1));
        }
        NDList out = new NDList(9);
        out.add(NDArrays.concat(locs, 1));
        out.add(NDArrays.concat(confs, 1));
        if (!training) {
            locs.close();
            confs.close();
        }
        out.addAll(sources);
        out.add(sources.get(5).mean(new int[] {3}).mean(new int[] {2}));
        return out;
    }

    /** A head's output as (batch, locations x boxes, width); when not training its intermediates are freed. */
    private static NDArray head(
            Block h,
            ParameterStore ps,
            NDList source,
            boolean training,
            PairList<String, Object> params,
            long batch,
            int width) {
        NDArray y = h.forward(ps, source, training, params).singletonOrThrow();
        NDArray t = y.transpose(0, 2, 3, 1);
        NDArray r = t.reshape(batch, -1, width);
        if (!training) {
            y.close();
            t.close();
        }
        return r;
    }

    private int priorCount() {
        int[] f = layout.featureSizes();
        int p = 0;
        for (int k = 0; k < 6; k++) {
            p += f[k] * f[k] * PriorBoxes.boxesPerLocation(k);
        }
        return p;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        int[] f = layout.featureSizes();
        int[] c = layout.sourceChannels();
        Shape[] out = new Shape[9];
        out[0] = new Shape(b, priorCount(), 4);
        out[1] = new Shape(b, priorCount(), classes + 1);
        for (int k = 0; k < 6; k++) {
            out[2 + k] = new Shape(b, c[k], f[k], f[k]);
        }
        out[8] = new Shape(b, c[5]);
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        vgg.initialize(manager, dataType, inputShapes);
        if (pretrained != null) {
            VggWeights.load(pretrained, vgg, layout, manager);
        }
        Shape[] s4 = conv4.getOutputShapes(inputShapes);
        l2norm.initialize(manager, dataType, s4);
        Shape[] s = fc7.getOutputShapes(s4);
        List<Shape[]> src = new ArrayList<>(List.of(s4, s));
        for (Block e : extras) {
            e.initialize(manager, dataType, s);
            s = e.getOutputShapes(s);
            src.add(s);
        }
        for (int k = 0; k < 6; k++) {
            locHeads.get(k).initialize(manager, dataType, src.get(k));
            confHeads.get(k).initialize(manager, dataType, src.get(k));
        }
    }
}

package org.ll4al.tasks.pose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.ll4al.tasks.nn.GuardedConv2d;

/**
 * The stacked hourglass network (Newell, Yang and Deng, ECCV 2016) as in the public PyTorch
 * reimplementations: a stem (7x7/2 convolution, residuals, max-pool) that brings the input to
 * 1/4 resolution, then {@code stacks} hourglasses, each followed by a residual and a 1x1
 * convolution-BN-ReLU giving the stack's feature map and a 1x1 convolution giving its 16
 * heatmaps; between stacks both are mapped back (1x1) and added to the running features
 * (intermediate supervision). Returns {@code [heatmaps_1..S, features_1..S, embedding]}, the
 * embedding being the global average of the last stack's features (B, F).
 */
public final class StackedHourglass extends AbstractBlock {

    private final int stacks;
    private final int channels;
    private final int joints;
    private final Block stemConv;
    private final Block stemBn;
    private final Block stemRes1;
    private final Block stemRes2;
    private final Block stemRes3;
    private final List<Block> hourglasses = new ArrayList<>();
    private final List<Block> featureRes = new ArrayList<>();
    private final List<Block> featureConv = new ArrayList<>();
    private final List<Block> featureBn = new ArrayList<>();
    private final List<Block> heads = new ArrayList<>();
    private final List<Block> mergeFeatures = new ArrayList<>();
    private final List<Block> mergeHeatmaps = new ArrayList<>();

    /**
     * Builds the network.
     *
     * @param stacks number of hourglasses
     * @param depth levels of each hourglass (4 in the paper's network)
     * @param channels feature channels F (256 in the paper's network)
     * @param stemChannels channels of the stem's first convolution (64 in the paper's network)
     * @param joints heatmaps per stack (16)
     */
    public StackedHourglass(int stacks, int depth, int channels, int stemChannels, int joints) {
        this.stacks = stacks;
        this.channels = channels;
        this.joints = joints;
        stemConv = addChildBlock(
                "stemConv",
                GuardedConv2d.builder()
                        .setFilters(stemChannels)
                        .setKernelShape(new Shape(7, 7))
                        .optStride(new Shape(2, 2))
                        .optPadding(new Shape(3, 3))
                        .build());
        stemBn = addChildBlock("stemBn", BatchNorm.builder().build());
        stemRes1 = addChildBlock("stemRes1", new Residual(stemChannels, 2 * stemChannels));
        stemRes2 = addChildBlock("stemRes2", new Residual(2 * stemChannels, 2 * stemChannels));
        stemRes3 = addChildBlock("stemRes3", new Residual(2 * stemChannels, channels));
        for (int i = 0; i < stacks; i++) {
            hourglasses.add(addChildBlock("hg" + i, new Hourglass(depth, channels)));
            featureRes.add(addChildBlock("featRes" + i, new Residual(channels, channels)));
            featureConv.add(addChildBlock("featConv" + i, Residual.conv(channels, 1)));
            featureBn.add(addChildBlock("featBn" + i, BatchNorm.builder().build()));
            heads.add(addChildBlock("head" + i, Residual.conv(joints, 1)));
            if (i < stacks - 1) {
                mergeFeatures.add(addChildBlock("mergeFeat" + i, Residual.conv(channels, 1)));
                mergeHeatmaps.add(addChildBlock("mergeHeat" + i, Residual.conv(channels, 1)));
            }
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = Residual.run(stemConv, ps, inputs.singletonOrThrow(), training);
        x = Activation.relu(Residual.run(stemBn, ps, x, training));
        x = Residual.run(stemRes1, ps, x, training);
        x = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
        x = Residual.run(stemRes2, ps, x, training);
        x = Residual.run(stemRes3, ps, x, training);
        NDList preds = new NDList(stacks);
        NDList features = new NDList(stacks);
        for (int i = 0; i < stacks; i++) {
            NDArray h = Residual.run(hourglasses.get(i), ps, x, training);
            h = Residual.run(featureRes.get(i), ps, h, training);
            h = Residual.run(featureConv.get(i), ps, h, training);
            NDArray feature = Activation.relu(Residual.run(featureBn.get(i), ps, h, training));
            NDArray pred = Residual.run(heads.get(i), ps, feature, training);
            preds.add(pred);
            features.add(feature);
            if (i < stacks - 1) {
                x = x.add(Residual.run(mergeFeatures.get(i), ps, feature, training))
                        .add(Residual.run(mergeHeatmaps.get(i), ps, pred, training));
            }
        }
        NDList out = new NDList(preds);
        out.addAll(features);
        out.add(Pool.globalAvgPool2d(features.get(stacks - 1)));
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        long b = in[0].get(0);
        long h = in[0].get(2) / 4;
        long w = in[0].get(3) / 4;
        Shape[] out = new Shape[2 * stacks + 1];
        for (int i = 0; i < stacks; i++) {
            out[i] = new Shape(b, joints, h, w);
            out[stacks + i] = new Shape(b, channels, h, w);
        }
        out[2 * stacks] = new Shape(b, channels);
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        Shape s = Residual.init(stemConv, m, t, in[0]);
        s = Residual.init(stemBn, m, t, s);
        s = Residual.init(stemRes1, m, t, s);
        s = new Shape(s.get(0), s.get(1), s.get(2) / 2, s.get(3) / 2);
        s = Residual.init(stemRes2, m, t, s);
        s = Residual.init(stemRes3, m, t, s);
        for (int i = 0; i < stacks; i++) {
            Residual.init(hourglasses.get(i), m, t, s);
            Residual.init(featureRes.get(i), m, t, s);
            Residual.init(featureConv.get(i), m, t, s);
            Residual.init(featureBn.get(i), m, t, s);
            Shape hm = Residual.init(heads.get(i), m, t, s);
            if (i < stacks - 1) {
                Residual.init(mergeFeatures.get(i), m, t, s);
                Residual.init(mergeHeatmaps.get(i), m, t, hm);
            }
        }
    }
}

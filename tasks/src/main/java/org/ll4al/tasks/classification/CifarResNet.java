package org.ll4al.tasks.classification;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.ll4al.selection.McDropout;

/**
 * ResNet-18 for 32x32 input (3x3 stem, no max-pool, BasicBlock stages [2,2,2,2] of 64, 128,
 * 256, 512 channels times a width multiplier). Returns {@code [logits, stage1, stage2, stage3,
 * stage4, embedding]}: the four stage outputs feed the loss prediction module and the pooled
 * 512-d features are the core-set embedding. At width 1 it has 11,173,962 parameters, as the
 * common PyTorch CIFAR ResNet-18.
 */
public final class CifarResNet extends AbstractBlock {

    private static final int[] BASE = {64, 128, 256, 512};

    private final Block stemConv;
    private final Block stemBn;
    private final List<SequentialBlock> stages = new ArrayList<>();
    private final Block dropout;
    private final Block fc;

    /**
     * Creates the network.
     *
     * @param width channel multiplier (1 = the paper's network)
     * @param classes number of classes
     */
    public CifarResNet(double width, int classes) {
        this(width, classes, 0f);
    }

    /**
     * Creates the network with dropout before the final fully connected layer (as in Gal et al.'s
     * MC-dropout networks; 0 = none, the paper's network).
     *
     * @param width channel multiplier (1 = the paper's network)
     * @param classes number of classes
     * @param dropout dropout rate on the pooled features, in [0, 1)
     */
    public CifarResNet(double width, int classes, float dropout) {
        int[] ch = channels(width);
        stemConv = addChildBlock("stemConv", BasicBlock.conv(ch[0], 3, 1));
        stemBn = addChildBlock("stemBn", ConvBatchNorm.batchNorm());
        int in = ch[0];
        for (int s = 0; s < 4; s++) {
            SequentialBlock stage = new SequentialBlock();
            stage.add(new BasicBlock(in, ch[s], s == 0 ? 1 : 2));
            stage.add(new BasicBlock(ch[s], ch[s], 1));
            stages.add(addChildBlock("stage" + (s + 1), stage));
            in = ch[s];
        }
        this.dropout = addChildBlock("dropout", new McDropout(dropout));
        fc = addChildBlock("fc", Linear.builder().setUnits(classes).build());
    }

    /** Channel widths of the four stages for a width multiplier (at least 4 each). */
    public static int[] channels(double width) {
        int[] ch = new int[4];
        for (int i = 0; i < 4; i++) {
            ch[i] = Math.max(4, (int) Math.round(BASE[i] * width));
        }
        return ch;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray stem = ConvBatchNorm.forward(stemConv, stemBn, ps, inputs.singletonOrThrow(), training);
        NDArray x = Activation.relu(stem);
        if (!training) {
            stem.close(); // freed now rather than with the batch (see BasicBlock#folded)
        }
        NDList out = new NDList(6);
        out.add(null);
        for (SequentialBlock stage : stages) {
            x = stage.forward(ps, new NDList(x), training).singletonOrThrow();
            out.add(x);
        }
        NDArray embedding = Pool.globalAvgPool2d(x);
        NDList dropped = dropout.forward(ps, new NDList(embedding), training);
        out.set(0, fc.forward(ps, dropped, training).singletonOrThrow());
        out.add(embedding);
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] s = stemConv.getOutputShapes(inputShapes);
        Shape[] out = new Shape[6];
        for (int i = 0; i < 4; i++) {
            s = stages.get(i).getOutputShapes(s);
            out[i + 1] = s[0];
        }
        Shape emb = new Shape(s[0].get(0), s[0].get(1));
        out[0] = fc.getOutputShapes(new Shape[] {emb})[0];
        out[5] = emb;
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        stemConv.initialize(manager, dataType, inputShapes);
        Shape[] s = stemConv.getOutputShapes(inputShapes);
        stemBn.initialize(manager, dataType, s);
        for (SequentialBlock stage : stages) {
            stage.initialize(manager, dataType, s);
            s = stage.getOutputShapes(s);
        }
        Shape embedding = new Shape(s[0].get(0), s[0].get(1));
        dropout.initialize(manager, dataType, embedding);
        fc.initialize(manager, dataType, embedding);
    }
}

package org.ll4al.tasks.classification;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.ll4al.tasks.nn.GuardedConv2d;

/** The ResNet basic block: two 3x3 convolutions with batch norm and an identity or 1x1 shortcut. */
public final class BasicBlock extends AbstractBlock {

    private final Block conv1;
    private final Block bn1;
    private final Block conv2;
    private final Block bn2;
    private final Block shortcutConv;
    private final Block shortcutBn;

    /**
     * Creates a block.
     *
     * @param in input channels
     * @param out output channels
     * @param stride stride of the first convolution (2 halves the resolution)
     */
    public BasicBlock(int in, int out, int stride) {
        conv1 = addChildBlock("conv1", conv(out, 3, stride));
        bn1 = addChildBlock("bn1", ConvBatchNorm.batchNorm());
        conv2 = addChildBlock("conv2", conv(out, 3, 1));
        bn2 = addChildBlock("bn2", ConvBatchNorm.batchNorm());
        if (stride != 1 || in != out) {
            shortcutConv = addChildBlock("shortcutConv", conv(out, 1, stride));
            shortcutBn = addChildBlock("shortcutBn", ConvBatchNorm.batchNorm());
        } else {
            shortcutConv = null;
            shortcutBn = null;
        }
    }

    static Conv2d conv(int filters, int kernel, int stride) {
        return GuardedConv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .setFilters(filters)
                .optBias(false)
                .build();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (!training && ConvBatchNorm.foldsInference()) {
            return new NDList(folded(ps, x));
        }
        NDArray y = Activation.relu(ConvBatchNorm.forward(conv1, bn1, ps, x, training));
        y = ConvBatchNorm.forward(conv2, bn2, ps, y, training);
        NDArray s = shortcutConv == null ? x : ConvBatchNorm.forward(shortcutConv, shortcutBn, ps, x, training);
        return new NDList(Activation.relu(y.add(s)));
    }

    /**
     * Inference with batch norm folded: the same operations, with each intermediate freed as soon
     * as the next operation has read it and the shortcut added in place (as PyTorch's eager
     * reference code does, whose reference counting frees them), so that the allocator hands the
     * same, already mapped memory to the next activation instead of a batch's worth of new pages.
     * Closing a handle never invalidates a gradient graph (libtorch's graph holds its own
     * references), and the in-place add overwrites a convolution's output, which no backward reads.
     */
    private NDArray folded(ParameterStore ps, NDArray x) {
        NDArray a = ConvBatchNorm.folded(conv1, bn1, ps, x);
        NDArray r = Activation.relu(a);
        a.close();
        NDArray b = ConvBatchNorm.folded(conv2, bn2, ps, r);
        r.close();
        if (shortcutConv == null) {
            b.addi(x);
        } else {
            try (NDArray s = ConvBatchNorm.folded(shortcutConv, shortcutBn, ps, x)) {
                b.addi(s);
            }
        }
        NDArray out = Activation.relu(b);
        b.close();
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv2.getOutputShapes(conv1.getOutputShapes(inputShapes));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv1.initialize(manager, dataType, inputShapes);
        Shape[] s1 = conv1.getOutputShapes(inputShapes);
        bn1.initialize(manager, dataType, s1);
        conv2.initialize(manager, dataType, s1);
        bn2.initialize(manager, dataType, conv2.getOutputShapes(s1));
        if (shortcutConv != null) {
            shortcutConv.initialize(manager, dataType, inputShapes);
            shortcutBn.initialize(manager, dataType, shortcutConv.getOutputShapes(inputShapes));
        }
    }
}

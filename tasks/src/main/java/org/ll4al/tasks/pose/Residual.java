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
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.ll4al.tasks.nn.GuardedConv2d;

/**
 * The hourglass residual module (Newell et al. 2016): pre-activated bottleneck
 * BN-ReLU-conv1x1(out/2)-BN-ReLU-conv3x3(out/2)-BN-ReLU-conv1x1(out), plus the input (through a
 * 1x1 convolution when the channel count changes).
 */
final class Residual extends AbstractBlock {

    private final int out;
    private final Block bn1;
    private final Block conv1;
    private final Block bn2;
    private final Block conv2;
    private final Block bn3;
    private final Block conv3;
    private final Block skip;

    Residual(int in, int out) {
        this.out = out;
        int mid = Math.max(1, out / 2);
        bn1 = addChildBlock("bn1", BatchNorm.builder().build());
        conv1 = addChildBlock("conv1", conv(mid, 1));
        bn2 = addChildBlock("bn2", BatchNorm.builder().build());
        conv2 = addChildBlock("conv2", conv(mid, 3));
        bn3 = addChildBlock("bn3", BatchNorm.builder().build());
        conv3 = addChildBlock("conv3", conv(out, 1));
        skip = in == out ? null : addChildBlock("skip", conv(out, 1));
    }

    static Block conv(int filters, int kernel) {
        return GuardedConv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .build();
    }

    static NDArray run(Block b, ParameterStore ps, NDArray x, boolean training) {
        return b.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    static Shape init(Block b, NDManager m, DataType t, Shape in) {
        b.initialize(m, t, in);
        return b.getOutputShapes(new Shape[] {in})[0];
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (!training) {
            return new NDList(inference(ps, x));
        }
        NDArray y = run(conv1, ps, Activation.relu(run(bn1, ps, x, training)), training);
        y = run(conv2, ps, Activation.relu(run(bn2, ps, y, training)), training);
        y = run(conv3, ps, Activation.relu(run(bn3, ps, y, training)), training);
        NDArray identity = skip == null ? x : run(skip, ps, x, training);
        return new NDList(y.add(identity));
    }

    /**
     * The same operations with each intermediate freed as soon as the next operation has read it
     * and the identity added in place into the last convolution's output (see InferenceMemory).
     */
    private NDArray inference(ParameterStore ps, NDArray x) {
        NDArray y = x;
        Block[][] steps = {{bn1, conv1}, {bn2, conv2}, {bn3, conv3}};
        for (Block[] step : steps) {
            NDArray n = run(step[0], ps, y, false);
            if (y != x) {
                y.close();
            }
            NDArray a = Activation.relu(n);
            n.close();
            y = run(step[1], ps, a, false);
            a.close();
        }
        if (skip == null) {
            y.addi(x);
        } else {
            try (NDArray s = run(skip, ps, x, false)) {
                y.addi(s);
            }
        }
        return y;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape s = in[0];
        return new Shape[] {new Shape(s.get(0), out, s.get(2), s.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        Shape s = init(bn1, m, t, in[0]);
        s = init(conv1, m, t, s);
        s = init(bn2, m, t, s);
        s = init(conv2, m, t, s);
        s = init(bn3, m, t, s);
        init(conv3, m, t, s);
        if (skip != null) {
            init(skip, m, t, in[0]);
        }
    }
}

package org.ll4al.tasks.pose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One recursive hourglass of {@code depth} levels: an upper residual branch at full
 * resolution plus max-pool, residual, a nested hourglass (or a residual at the bottom),
 * residual and a 2x nearest-neighbour upsampling (by {@code repeat} on the spatial axes, as
 * the PyTorch engine has no transposed convolution).
 */
final class Hourglass extends AbstractBlock {

    private final Block up1;
    private final Block low1;
    private final Block low2;
    private final Block low3;

    Hourglass(int depth, int channels) {
        up1 = addChildBlock("up1", new Residual(channels, channels));
        low1 = addChildBlock("low1", new Residual(channels, channels));
        low2 = addChildBlock("low2", depth > 1 ? new Hourglass(depth - 1, channels) : new Residual(channels, channels));
        low3 = addChildBlock("low3", new Residual(channels, channels));
    }

    /** Nearest-neighbour 2x upsampling of a (B, C, H, W) array. */
    static NDArray upsample2x(NDArray x) {
        return x.repeat(2, 2).repeat(3, 2);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray up = Residual.run(up1, ps, x, training);
        NDArray low = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
        low = Residual.run(low1, ps, low, training);
        low = Residual.run(low2, ps, low, training);
        low = Residual.run(low3, ps, low, training);
        return new NDList(up.add(upsample2x(low)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return new Shape[] {in[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        Shape s = in[0];
        Residual.init(up1, m, t, s);
        Shape half = new Shape(s.get(0), s.get(1), s.get(2) / 2, s.get(3) / 2);
        Residual.init(low1, m, t, half);
        Residual.init(low2, m, t, half);
        Residual.init(low3, m, t, half);
    }
}

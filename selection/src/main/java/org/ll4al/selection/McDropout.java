package org.ll4al.selection;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Dropout that is active while training and, for Monte Carlo dropout, in inference passes whose
 * {@code LearningLossNetwork.setMcDropout} switch is on (BatchNorm stays in inference mode then).
 * Off in every other inference pass. Masks come from the engine's random generator.
 */
public final class McDropout extends AbstractBlock {

    private final float rate;
    private volatile boolean sampling;

    /**
     * Creates the block.
     *
     * @param rate probability of zeroing an activation, in [0, 1)
     */
    public McDropout(float rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
    }

    /**
     * Turns Monte Carlo sampling on or off in every {@code McDropout} layer (rate &gt; 0) of a
     * block and its descendants; returns how many layers there are.
     */
    public static int setSampling(Block block, boolean on) {
        int n = 0;
        if (block instanceof McDropout d && d.rate > 0) {
            d.sampling = on;
            n++;
        }
        for (Block child : block.getChildren().values()) {
            n += setSampling(child, on);
        }
        return n;
    }

    /** Number of active ({@code rate > 0}) MC-dropout layers in a block and its descendants. */
    public static int count(Block block) {
        int n = block instanceof McDropout d && d.rate > 0 ? 1 : 0;
        for (Block child : block.getChildren().values()) {
            n += count(child);
        }
        return n;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        if (rate == 0 || !(training || sampling)) {
            return inputs;
        }
        return Dropout.dropout(inputs.singletonOrThrow(), rate, true);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}

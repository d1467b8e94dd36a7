package org.ll4al.selection.lossprediction;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The loss prediction module of the paper: for each tapped feature map (B, C, H, W), global
 * average pooling, a fully connected layer of {@code width} units (128 in the paper) and ReLU;
 * the results are concatenated and a last fully connected layer gives one predicted loss per
 * sample, shape (B, 1). Works for any number of taps with any channel widths.
 */
public final class LossPredictionModule extends AbstractBlock {

    private final int tapCount;
    private final int width;
    private final List<Linear> tapLayers = new ArrayList<>();
    private final Linear output;

    private LossPredictionModule(Builder b) {
        this.tapCount = b.tapCount;
        this.width = b.width;
        for (int i = 0; i < tapCount; i++) {
            tapLayers.add(
                    addChildBlock("fc" + i, Linear.builder().setUnits(width).build()));
        }
        output = addChildBlock("out", Linear.builder().setUnits(1).build());
    }

    /** Creates a builder; {@link Builder#setTapCount} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of feature maps this module takes. */
    public int tapCount() {
        return tapCount;
    }

    /** Units of each per-tap fully connected layer. */
    public int width() {
        return width;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList taps, boolean training, PairList<String, Object> params) {
        if (taps.size() != tapCount) {
            throw new IllegalArgumentException(
                    "loss prediction module expects " + tapCount + " feature maps, got " + taps.size());
        }
        NDList hidden = new NDList(tapCount);
        for (int i = 0; i < tapCount; i++) {
            NDArray pooled = Pool.globalAvgPool2d(taps.get(i));
            NDArray h =
                    tapLayers.get(i).forward(ps, new NDList(pooled), training).singletonOrThrow();
            hidden.add(Activation.relu(h));
        }
        NDArray joined = hidden.size() == 1 ? hidden.get(0) : NDArrays.concat(hidden, 1);
        return output.forward(ps, new NDList(joined), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (inputShapes.length != tapCount) {
            throw new IllegalArgumentException(
                    "loss prediction module expects " + tapCount + " feature maps, got " + inputShapes.length);
        }
        for (int i = 0; i < tapCount; i++) {
            Shape s = inputShapes[i];
            if (s.dimension() != 4) {
                throw new IllegalArgumentException("feature map " + i + " must be 4-D (B, C, H, W), got " + s);
            }
            tapLayers.get(i).initialize(manager, dataType, new Shape(s.get(0), s.get(1)));
        }
        output.initialize(manager, dataType, new Shape(inputShapes[0].get(0), (long) width * tapCount));
    }

    /** Builder of {@link LossPredictionModule}. */
    public static final class Builder {
        private int tapCount;
        private int width = 128;

        private Builder() {}

        /** Sets how many feature maps are tapped (required, at least 1). */
        public Builder setTapCount(int tapCount) {
            this.tapCount = tapCount;
            return this;
        }

        /** Sets the units per tap (default 128, as in the paper). */
        public Builder optWidth(int width) {
            this.width = width;
            return this;
        }

        /** Builds the module; rejects a missing or invalid tap count or width. */
        public LossPredictionModule build() {
            if (tapCount < 1) {
                throw new IllegalStateException("LossPredictionModule: setTapCount(>= 1) is required, got " + tapCount);
            }
            if (width < 1) {
                throw new IllegalStateException("LossPredictionModule: width must be >= 1, got " + width);
            }
            return new LossPredictionModule(this);
        }
    }
}

package org.ll4al.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The SSD's VGG base (conv1_1 .. fc7, the very block {@link SsdNetwork#vgg()} builds) with a global
 * average pool and a linear classifier on top, to pretrain the base on images with class labels.
 * Returns {@code [logits, fc7, pooled fc7]}: one tap for the loss prediction module, then the embedding.
 */
public final class VggClassifier extends AbstractBlock {

    private final Block vgg;
    private final Block fc;

    /**
     * Builds the classifier around the VGG base of an SSD variant.
     *
     * @param layout the SSD variant whose base is pretrained (its width; its input size only sets the fc6 dilation)
     * @param batchNorm BatchNorm after every convolution, as the SSD that will load the weights
     * @param classes number of classes
     */
    public VggClassifier(SsdLayout layout, boolean batchNorm, int classes) {
        vgg = addChildBlock("vgg", new SsdNetwork(layout, 1, batchNorm).vgg());
        fc = addChildBlock("fc", Linear.builder().setUnits(classes).build());
    }

    /** The VGG base: its parameters are what {@code -Dpretrained} loads. */
    public Block vgg() {
        return vgg;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray fc7 = vgg.forward(ps, inputs, training, params).singletonOrThrow();
        NDArray pooled = fc7.mean(new int[] {3}).mean(new int[] {2});
        return new NDList(fc.forward(ps, new NDList(pooled), training).singletonOrThrow(), fc7, pooled);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = vgg.getOutputShapes(inputShapes)[0];
        Shape pooled = new Shape(s.get(0), s.get(1));
        return new Shape[] {fc.getOutputShapes(new Shape[] {pooled})[0], s, pooled};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        vgg.initialize(manager, dataType, inputShapes);
        Shape s = vgg.getOutputShapes(inputShapes)[0];
        fc.initialize(manager, dataType, new Shape(s.get(0), s.get(1)));
    }
}

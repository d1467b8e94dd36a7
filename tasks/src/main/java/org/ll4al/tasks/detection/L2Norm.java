package org.ll4al.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * SSD's channel-wise L2 normalisation of conv4_3 with a learned per-channel scale (initially 20).
 *
 * <p>The norm is {@code sqrt(sum x^2 + EPS^2)}, within {@code EPS} of ssd.pytorch's {@code sqrt(sum x^2) + EPS}
 * but with a finite gradient where every channel of a location is zero (after ReLU that happens):
 * there the reference's {@code d sqrt(s)/ds} is infinite and {@code inf * 0} turned the whole network
 * to NaN (SsdOverfitTest, epoch 56 on a CI machine, 2026-12-02/03).
 */
public final class L2Norm extends AbstractBlock {

    /** ssd.pytorch's eps. */
    static final float EPS = 1e-10f;

    private final Parameter scale;

    /** A normalisation of {@code channels} channels. */
    public L2Norm(int channels) {
        scale = addParameter(Parameter.builder()
                .setName("scale")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(channels))
                .optInitializer(new ConstantInitializer(20f))
                .build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = ps.getValue(scale, x.getDevice(), training);
        NDArray norm = x.square().sum(new int[] {1}, true).add(EPS * EPS).sqrt();
        return new NDList(x.div(norm).mul(w.reshape(1, -1, 1, 1)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}

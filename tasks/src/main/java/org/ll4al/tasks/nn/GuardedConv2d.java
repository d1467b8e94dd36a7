package org.ll4al.tasks.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * DJL's {@link Conv2d} (same parameters, same saved form) whose forward pads channel counts that
 * are not multiples of 16 with zeros where {@link ConvolutionSelfCheck} found the engine's
 * convolution wrong for them: zero input channels with zero weights add nothing, zero filters'
 * outputs are sliced off, so the result is the same convolution, computed by kernels that are
 * correct. Elsewhere it is exactly {@link Conv2d}.
 */
public final class GuardedConv2d extends Conv2d {

    /** Channel counts are padded to multiples of this. */
    static final int BLOCK = 16;

    private GuardedConv2d(Builder builder) {
        super(builder);
        ConvolutionSelfCheck.padsChannels(); // the check runs here, outside any training step's gradient collector
    }

    /** A builder with {@link Conv2d.Builder}'s options. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = ps.getValue(weight, x.getDevice(), training);
        NDArray b = bias == null ? null : ps.getValue(bias, x.getDevice(), training);
        return new NDList(guardedConv2d(x, w, b, stride, padding, dilation, groups));
    }

    /**
     * {@link Conv2d#conv2d(NDArray, NDArray, NDArray, Shape, Shape, Shape, int)}, with the channels
     * padded where {@link ConvolutionSelfCheck#padsChannels()} says so (groups 1 only).
     *
     * @param bias the bias, or null
     */
    public static NDArray guardedConv2d(
            NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding, Shape dilation, int groups) {
        long oc = weight.getShape().get(0);
        long ic = weight.getShape().get(1);
        long ocPadded = padded(oc);
        long icPadded = ic <= 8 ? ic : padded(ic); // below 16 channels the engine reads plain layouts
        // the shapes first: most convolutions need no padding, and then the guard's mode is not consulted
        if (groups != 1 || (ocPadded == oc && icPadded == ic) || !ConvolutionSelfCheck.padsChannels()) {
            return Conv2d.conv2d(x, weight, bias, stride, padding, dilation, groups)
                    .singletonOrThrow();
        }
        NDArray input = x;
        if (icPadded > ic) {
            Shape s = x.getShape();
            input = x.concat(
                    x.getManager().zeros(new Shape(s.get(0), icPadded - ic, s.get(2), s.get(3)), x.getDataType()), 1);
        }
        NDArray y;
        try (NDManager scope = x.getManager().newSubManager()) {
            // the padded weights live in `scope` and are freed with it (autograd keeps what it needs);
            // the parameters return to their own managers
            weight.tempAttach(scope);
            if (bias != null) {
                bias.tempAttach(scope);
            }
            Shape k = weight.getShape();
            NDArray w = weight;
            if (icPadded > ic) {
                w = w.concat(scope.zeros(new Shape(oc, icPadded - ic, k.get(2), k.get(3)), w.getDataType()), 1);
            }
            NDArray b = bias;
            if (ocPadded > oc) {
                w = w.concat(scope.zeros(new Shape(ocPadded - oc, icPadded, k.get(2), k.get(3)), w.getDataType()), 0);
                b = bias == null ? null : bias.concat(scope.zeros(new Shape(ocPadded - oc), bias.getDataType()), 0);
            }
            y = Conv2d.conv2d(input, w, b, stride, padding, dilation, 1).singletonOrThrow();
        }
        return ocPadded > oc ? y.get(new NDIndex(":, :" + oc)) : y;
    }

    private static long padded(long channels) {
        return (channels + BLOCK - 1) / BLOCK * BLOCK;
    }

    /** Builds {@link GuardedConv2d} blocks. */
    public static final class Builder extends Conv2d.Builder {

        Builder() {}

        @Override
        public GuardedConv2d build() {
            validate();
            return new GuardedConv2d(this);
        }
    }
}

package org.ll4al.tasks.classification;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import org.ll4al.options.Option;
import org.ll4al.tasks.nn.GuardedConv2d;

/**
 * A bias-free convolution followed by batch norm, folded into one biased convolution when not
 * training: W' = W · γ/√(σ² + ε) per output channel, b' = β − μ · γ/√(σ² + ε), with the running
 * statistics (what {@code torch.jit.freeze} and conv-BN fusion do). Inference then runs one
 * operator instead of two and one activation tensor fewer; training runs both, unchanged.
 */
public final class ConvBatchNorm {

    /** Batch norm's ε (DJL's default, written out because the fold needs it). */
    static final float EPSILON = 1e-5f;

    /**
     * {@code -Dll4al.foldBatchNorm}: false turns folding off for A/B measurements
     * (docs/benchmarks.md); a JVM-wide system property, passed to a supervised child JVM.
     */
    public static final Option<Boolean> FOLD = Option.bool(
                    "ll4al.foldBatchNorm",
                    "true",
                    "engine: classification's inference folds batch norm into the convolutions (false: two operators, for A/B"
                            + " measurements, docs/benchmarks.md)")
            .session();

    /** The system property that turns folding off ({@code false}). */
    static final String PROPERTY = FOLD.name();

    private ConvBatchNorm() {}

    /** A batch norm block with {@link #EPSILON}. */
    static BatchNorm batchNorm() {
        return BatchNorm.builder().optEpsilon(EPSILON).build();
    }

    /**
     * bn(conv(x)): folded when {@code training} is false (unless {@code -Dll4al.foldBatchNorm=false}),
     * else the two blocks in turn.
     *
     * @param conv a 2-d convolution without bias, groups 1
     * @param bn the batch norm over its output channels (built by {@link #batchNorm()})
     */
    static NDArray forward(Block conv, Block bn, ParameterStore ps, NDArray x, boolean training) {
        return training || !foldsInference() ? unfolded(conv, bn, ps, x, training) : folded(conv, bn, ps, x);
    }

    /** Whether inference folds now: true unless {@code -Dll4al.foldBatchNorm=false}. */
    public static boolean foldsInference() {
        return FOLD.parse(System.getProperty(PROPERTY, FOLD.defaultValue()));
    }

    /** bn(conv(x)) as two operators. */
    static NDArray unfolded(Block conv, Block bn, ParameterStore ps, NDArray x, boolean training) {
        NDArray y = conv.forward(ps, new NDList(x), training).singletonOrThrow();
        return bn.forward(ps, new NDList(y), training).singletonOrThrow();
    }

    /** bn(conv(x)) with the running statistics, as one biased convolution. */
    static NDArray folded(Block conv, Block bn, ParameterStore ps, NDArray x) {
        Conv2d c = (Conv2d) conv;
        if (c.isIncludeBias()) {
            // the fold below has no term for a convolution's own bias; every caller builds BasicBlock.conv
            throw new IllegalArgumentException("ConvBatchNorm folds only convolutions without bias");
        }
        NDArray w = value(ps, conv, "weight", x);
        NDArray gamma = value(ps, bn, "gamma", x);
        NDArray beta = value(ps, bn, "beta", x);
        NDArray mean = value(ps, bn, "runningMean", x);
        NDArray var = value(ps, bn, "runningVar", x);
        try (NDManager fold = x.getManager().newSubManager()) {
            // results of operations on these arrays go to their manager: attached to `fold`, the
            // folded weights are freed with it and the parameters return to their own managers
            for (NDArray p : new NDArray[] {w, gamma, beta, mean, var}) {
                p.tempAttach(fold);
            }
            NDArray scale = gamma.div(var.add(EPSILON).sqrt());
            NDArray weight = w.mul(scale.reshape(-1, 1, 1, 1));
            NDArray bias = beta.sub(mean.mul(scale));
            return GuardedConv2d.guardedConv2d(
                    x, weight, bias, c.getStride(), c.getPadding(), c.getDilation(), c.getGroups());
        }
    }

    private static NDArray value(ParameterStore ps, Block b, String name, NDArray x) {
        return ps.getValue(b.getParameters().get(name), x.getDevice(), false);
    }
}

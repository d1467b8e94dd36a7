package org.ll4al.tasks.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RMSprop with the semantics of {@code torch.optim.RMSprop} (uncentred): g = grad + wd w;
 * v = alpha v + (1 - alpha) g^2; step = g / (sqrt(v) + eps), through a momentum buffer when
 * momentum > 0; w -= lr step. Written with NDArray operations because DJL's
 * {@code Optimizer.rmsprop()} is "Not implemented" on the PyTorch engine (0.36); the weight is
 * changed through the engine's SGD update, which runs without autograd.
 */
final class TorchRmsProp extends Optimizer {

    private final ParameterTracker lr;
    private final float alpha;
    private final float momentum;
    private final float epsilon;
    private final Map<String, Map<Device, NDArray>> squares = new ConcurrentHashMap<>();
    private final Map<String, Map<Device, NDArray>> buffers = new ConcurrentHashMap<>();

    TorchRmsProp(ParameterTracker lr, float alpha, float momentum, float epsilon, float weightDecay) {
        super(new Builder().optWeightDecays(weightDecay));
        this.lr = lr;
        this.alpha = alpha;
        this.momentum = momentum;
        this.epsilon = epsilon;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        float rate = lr.getNewValue(parameterId, updateCount(parameterId));
        NDArray v = withDefaultState(squares, parameterId, weight.getDevice(), k -> weight.zerosLike());
        try (NDManager scope = weight.getManager().newSubManager()) {
            NDArray g = grad.mul(rescaleGrad);
            g.attach(scope);
            float wd = getWeightDecay();
            if (wd != 0f) {
                NDArray decay = weight.mul(wd);
                decay.attach(scope);
                g = g.add(decay);
                g.attach(scope);
            }
            NDArray sq = g.square();
            sq.attach(scope);
            v.muli(alpha).addi(sq.muli(1f - alpha));
            NDArray denom = v.sqrt();
            denom.attach(scope);
            NDArray step = g.div(denom.addi(epsilon));
            step.attach(scope);
            if (momentum != 0f) {
                NDArray buf = withDefaultState(buffers, parameterId, weight.getDevice(), k -> weight.zerosLike());
                buf.muli(momentum).addi(step);
                step = buf.mul(1f);
                step.attach(scope);
            }
            weight.getNDArrayInternal()
                    .sgdUpdate(new NDList(weight, step), new NDList(weight), rate, 0f, 1f, -1f, 0f, true);
        }
    }

    /** Builder carrying the base optimizer's settings. */
    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}

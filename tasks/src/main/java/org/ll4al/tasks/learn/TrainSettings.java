package org.ll4al.tasks.learn;

import org.ll4al.selection.LossPredictionLoss;

/**
 * Hyperparameters of training in one cycle (validated by the harness options).
 *
 * @param epochs epochs per cycle
 * @param batch mini-batch size
 * @param lr initial learning rate
 * @param milestones 0-based epochs at which the learning rate is multiplied by 0.1
 * @param momentum SGD momentum (RMSprop momentum for {@code rmsprop})
 * @param weightDecay L2 weight decay
 * @param optimizer {@code sgd} or {@code rmsprop}
 * @param lambda weight of the loss-prediction loss
 * @param margin margin xi of the ranking loss
 * @param detachEpoch first 0-based epoch whose module input is detached
 * @param lossKind ranking (paper) or mse (ablation)
 * @param warmupEpochs epochs over which the learning rate rises linearly from lr / (updates of
 *     the warmup) to lr at the start of each cycle (0 = none, the paper)
 * @param clipGradient each gradient element is clipped to [-clip, clip] (0 = no clipping, the paper)
 */
public record TrainSettings(
        int epochs,
        int batch,
        float lr,
        int[] milestones,
        float momentum,
        float weightDecay,
        String optimizer,
        float lambda,
        float margin,
        int detachEpoch,
        LossPredictionLoss.Kind lossKind,
        int warmupEpochs,
        float clipGradient) {

    /** Settings without warmup or gradient clipping (the paper's training). */
    public TrainSettings(int epochs, int batch, float lr, int[] milestones, float momentum, float weightDecay,
            String optimizer, float lambda, float margin, int detachEpoch, LossPredictionLoss.Kind lossKind) {
        this(epochs, batch, lr, milestones, momentum, weightDecay, optimizer, lambda, margin, detachEpoch, lossKind,
                0, 0f);
    }

    /**
     * The same schedule stretched to {@code n} epochs: milestones and the detach epoch scaled by
     * {@code n / epochs} and rounded (used to train cycle 0 longer than the later cycles).
     */
    public TrainSettings stretchedTo(int n) {
        if (n == epochs) {
            return this;
        }
        double f = (double) n / epochs;
        int[] m = java.util.Arrays.stream(milestones).map(e -> (int) Math.round(e * f)).toArray();
        return new TrainSettings(n, batch, lr, m, momentum, weightDecay, optimizer, lambda, margin,
                (int) Math.round(detachEpoch * f), lossKind, warmupEpochs, clipGradient);
    }
}

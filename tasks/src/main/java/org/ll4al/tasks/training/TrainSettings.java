package org.ll4al.tasks.training;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ll4al.options.Option;
import org.ll4al.options.Settings;
import org.ll4al.selection.lossprediction.JointObjective;
import org.ll4al.selection.lossprediction.LossPredictionLoss;

/**
 * Hyperparameters of training in one cycle; the options that set them are declared here
 * ({@link #OPTIONS}) and built with {@link #builder()} or {@link #of(Settings)}.
 *
 * @param epochs epochs per cycle
 * @param batch mini-batch size
 * @param lr initial learning rate
 * @param milestones 0-based epochs at which the learning rate is multiplied by 0.1
 * @param momentum SGD momentum (RMSprop momentum for {@code rmsprop})
 * @param weightDecay L2 weight decay
 * @param optimizer the update rule
 * @param lambda weight of the loss-prediction loss
 * @param margin margin xi of the ranking loss
 * @param detachEpoch first 0-based epoch whose module input is detached
 * @param lossKind ranking (paper) or mse (ablation)
 * @param warmupEpochs epochs over which the learning rate rises linearly from lr / (updates of
 *     the warmup) to lr at the start of each cycle (0 = none, the paper)
 * @param clipGradient each gradient element is clipped to [-clip, clip] (0 = no clipping, the paper)
 * @param moduleLr the loss prediction module's learning rate as a multiple of the target's (1 = the
 *     same, the paper); for short schedules, where the module's fresh layers get few updates
 * @param lossTarget which loss of a sample the module ranks when the task loss is a weighted mean
 *     (detection with {@code -Dnormalize=batch}); also the true loss of diagnostics and {@code true-loss}
 * @param moduleWidth the loss prediction module's FC width per tapped feature map (128 in the paper)
 */
public record TrainSettings(
        int epochs,
        int batch,
        float lr,
        int[] milestones,
        float momentum,
        float weightDecay,
        Optimizer optimizer,
        float lambda,
        float margin,
        int detachEpoch,
        LossPredictionLoss.Kind lossKind,
        int warmupEpochs,
        float clipGradient,
        float moduleLr,
        JointObjective.Target lossTarget,
        int moduleWidth) {

    /** The update rule of training. */
    public enum Optimizer {
        /** Stochastic gradient descent with momentum (classification, detection). */
        SGD,
        /** RMSprop (pose, as the hourglass reference). */
        RMSPROP
    }

    public static final Option<Integer> EPOCHS = Option.integer("epochs", 1, null, "training epochs per cycle");
    public static final Option<Integer> BATCH =
            Option.integer("batch", 2, null, "mini-batch size (>= 2: the ranking loss needs pairs)");
    public static final Option<Float> LR = Option.positive("lr", null, "initial learning rate");
    public static final Option<int[]> MILESTONES =
            Option.indices("milestones", null, "comma list of 0-based epochs where lr is multiplied by 0.1");
    public static final Option<Float> MOMENTUM = Option.real("momentum", 0, 1, false, "0.9", "momentum");
    public static final Option<Float> WEIGHT_DECAY =
            Option.real("weightDecay", 0, Float.MAX_VALUE, true, "5e-4", "L2 weight decay");
    public static final Option<Optimizer> OPTIMIZER =
            Option.choice("optimizer", Optimizer.class, "sgd", "sgd | rmsprop");
    public static final Option<Float> MARGIN =
            Option.real("margin", 0, Float.MAX_VALUE, true, "1", "margin xi of the ranking loss");
    public static final Option<Float> LAMBDA =
            Option.real("lambda", 0, Float.MAX_VALUE, true, "1", "weight of the loss-prediction loss");
    public static final Option<LossPredictionLoss.Kind> LOSS_KIND = Option.choice(
            "lossKind",
            LossPredictionLoss.Kind.class,
            "ranking",
            "ranking (paper: pairs (i, B-1-i)) | allpairs (the same cost over every pair of the batch) | mse (ablation)");
    public static final Option<Integer> DETACH_EPOCH =
            Option.integer("detachEpoch", 0, null, "first 0-based epoch whose module input is detached");
    public static final Option<Integer> WARMUP_EPOCHS = Option.integer(
            "warmupEpochs", 0, "0", "epochs of linear learning-rate warmup at the start of each cycle (0 = none)");
    public static final Option<Float> CLIP_GRADIENT = Option.real(
            "clipGradient", 0, Float.MAX_VALUE, true, "0", "clip each gradient element to [-c, c] (0 = off)");

    public static final Option<Float> MODULE_LR = Option.positive(
            "moduleLr",
            "1",
            "learning rate of the loss prediction module as a multiple of -Dlr (1 = the same, the paper)");

    public static final Option<JointObjective.Target> LOSS_TARGET = Option.choice(
            "lossTarget",
            JointObjective.Target.class,
            "sample",
            "the loss the module ranks when the task loss is weighted"
                    + " (detection, -Dnormalize=batch): sample (the per-sample loss: SSD's loss of the image alone, per"
                    + " positive prior) | objective (the sample's term of the batch objective: the image's summed loss);"
                    + " also the true loss of diagnostics and true-loss");

    public static final Option<Integer> MODULE_WIDTH = Option.integer(
            "moduleWidth", 1, "128", "FC width of the loss prediction module per tapped feature map (128 = the paper)");

    /** The options of training, in help order. */
    public static final List<Option<?>> OPTIONS = List.of(
            EPOCHS,
            BATCH,
            LR,
            MILESTONES,
            MOMENTUM,
            WEIGHT_DECAY,
            OPTIMIZER,
            MARGIN,
            LAMBDA,
            LOSS_KIND,
            DETACH_EPOCH,
            WARMUP_EPOCHS,
            CLIP_GRADIENT,
            MODULE_LR,
            LOSS_TARGET,
            MODULE_WIDTH);

    /** The settings of parsed options that hold {@link #OPTIONS}. */
    public static TrainSettings of(Settings s) {
        return new TrainSettings(
                s.get(EPOCHS),
                s.get(BATCH),
                s.get(LR),
                s.get(MILESTONES),
                s.get(MOMENTUM),
                s.get(WEIGHT_DECAY),
                s.get(OPTIMIZER),
                s.get(LAMBDA),
                s.get(MARGIN),
                s.get(DETACH_EPOCH),
                s.get(LOSS_KIND),
                s.get(WARMUP_EPOCHS),
                s.get(CLIP_GRADIENT),
                s.get(MODULE_LR),
                s.get(LOSS_TARGET),
                s.get(MODULE_WIDTH));
    }

    /** A builder: epochs, batch and lr are required; the rest take their option's declared default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder()
                .setEpochs(epochs)
                .setBatch(batch)
                .setLr(lr)
                .optMilestones(milestones)
                .optMomentum(momentum)
                .optWeightDecay(weightDecay)
                .optOptimizer(optimizer)
                .optLambda(lambda)
                .optMargin(margin)
                .optLossKind(lossKind)
                .optWarmupEpochs(warmupEpochs)
                .optClipGradient(clipGradient)
                .optModuleLr(moduleLr)
                .optLossTarget(lossTarget)
                .optModuleWidth(moduleWidth);
        b.detachEpoch = detachEpoch;
        return b;
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
        int[] m = Arrays.stream(milestones).map(e -> (int) Math.round(e * f)).toArray();
        return toBuilder()
                .setEpochs(n)
                .optMilestones(m)
                .optDetachEpoch((int) Math.round(detachEpoch * f))
                .build();
    }

    /** The optimizer's command-line word ({@code sgd}, {@code rmsprop}). */
    public String optimizerName() {
        return optimizer.name().toLowerCase(Locale.ROOT);
    }

    /** Builds {@link TrainSettings}; {@link #build()} rejects a missing epochs, batch or lr. */
    public static final class Builder {
        private int epochs;
        private int batch;
        private float lr;
        private int[] milestones = new int[0];
        private float momentum = MOMENTUM.parsedDefault();
        private float weightDecay = WEIGHT_DECAY.parsedDefault();
        private Optimizer optimizer = OPTIMIZER.parsedDefault();
        private float lambda = LAMBDA.parsedDefault();
        private float margin = MARGIN.parsedDefault();
        private int detachEpoch = -1;
        private LossPredictionLoss.Kind lossKind = LOSS_KIND.parsedDefault();
        private int warmupEpochs = WARMUP_EPOCHS.parsedDefault();
        private float clipGradient = CLIP_GRADIENT.parsedDefault();
        private float moduleLr = MODULE_LR.parsedDefault();
        private JointObjective.Target lossTarget = LOSS_TARGET.parsedDefault();
        private int moduleWidth = MODULE_WIDTH.parsedDefault();

        private Builder() {}

        /** Epochs per cycle (required, >= 1). */
        public Builder setEpochs(int v) {
            epochs = v;
            return this;
        }

        /** Mini-batch size (required, >= 2). */
        public Builder setBatch(int v) {
            batch = v;
            return this;
        }

        /** Initial learning rate (required, > 0). */
        public Builder setLr(float v) {
            lr = v;
            return this;
        }

        /** Epochs where lr is multiplied by 0.1 (default none). */
        public Builder optMilestones(int... v) {
            milestones = v.clone();
            return this;
        }

        /** Momentum (default: {@link #MOMENTUM}'s). */
        public Builder optMomentum(float v) {
            momentum = v;
            return this;
        }

        /** L2 weight decay (default: {@link #WEIGHT_DECAY}'s). */
        public Builder optWeightDecay(float v) {
            weightDecay = v;
            return this;
        }

        /** Update rule (default: {@link #OPTIMIZER}'s). */
        public Builder optOptimizer(Optimizer v) {
            optimizer = v;
            return this;
        }

        /** Weight of the loss-prediction loss (default: {@link #LAMBDA}'s; 0 trains the target alone). */
        public Builder optLambda(float v) {
            lambda = v;
            return this;
        }

        /** Margin of the ranking loss (default: {@link #MARGIN}'s). */
        public Builder optMargin(float v) {
            margin = v;
            return this;
        }

        /** First epoch whose module input is detached (default: never, i.e. epochs). */
        public Builder optDetachEpoch(int v) {
            detachEpoch = v;
            return this;
        }

        /** Loss of the module (default: {@link #LOSS_KIND}'s). */
        public Builder optLossKind(LossPredictionLoss.Kind v) {
            lossKind = v;
            return this;
        }

        /** Epochs of linear warmup (default: {@link #WARMUP_EPOCHS}'s). */
        public Builder optWarmupEpochs(int v) {
            warmupEpochs = v;
            return this;
        }

        /** Element-wise gradient clip, 0 = off (default: {@link #CLIP_GRADIENT}'s). */
        public Builder optClipGradient(float v) {
            clipGradient = v;
            return this;
        }

        /** The module's learning rate as a multiple of the target's (default: {@link #MODULE_LR}'s). */
        public Builder optModuleLr(float v) {
            moduleLr = v;
            return this;
        }

        /** The loss the module ranks when the task loss is weighted (default: {@link #LOSS_TARGET}'s). */
        public Builder optLossTarget(JointObjective.Target v) {
            lossTarget = v;
            return this;
        }

        /** The loss prediction module's FC width per tapped map (default: {@link #MODULE_WIDTH}'s). */
        public Builder optModuleWidth(int v) {
            moduleWidth = v;
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalArgumentException when epochs, batch or lr is missing or out of range
         */
        public TrainSettings build() {
            if (epochs < 1 || batch < 2 || !(lr > 0) || !(moduleLr > 0) || lossTarget == null || moduleWidth < 1) {
                throw new IllegalArgumentException("TrainSettings need epochs >= 1, batch >= 2, lr > 0, moduleLr > 0,"
                        + " a lossTarget and moduleWidth >= 1; got epochs " + epochs + ", batch " + batch + ", lr " + lr
                        + ", moduleLr " + moduleLr + ", lossTarget " + lossTarget + ", moduleWidth " + moduleWidth);
            }
            return new TrainSettings(
                    epochs,
                    batch,
                    lr,
                    milestones,
                    momentum,
                    weightDecay,
                    optimizer,
                    lambda,
                    margin,
                    detachEpoch < 0 ? epochs : detachEpoch,
                    lossKind,
                    warmupEpochs,
                    clipGradient,
                    moduleLr,
                    lossTarget,
                    moduleWidth);
        }
    }
}

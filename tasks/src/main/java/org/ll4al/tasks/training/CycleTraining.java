package org.ll4al.tasks.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.ll4al.selection.SubsetSampler;
import org.ll4al.selection.lossprediction.JointObjective;
import org.ll4al.selection.lossprediction.LearningLossNetwork;
import org.ll4al.selection.lossprediction.LossPredictionLoss;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.TaskBatch;

/**
 * One cycle's joint training of a learner's network, in the steps of DJL's EasyTrain: {@link #fit}
 * runs the epochs on a fresh trainer (optimizer and learning-rate schedule), each epoch switches
 * the stop-gradient, reshuffles the labeled set and trains its batches, each batch is one forward,
 * backward and optimizer step in its own native-memory scope.
 */
final class CycleTraining {

    private final ActiveLearningTask task;
    private final LearningLossNetwork net;
    private final TrainSettings settings;
    private final JointObjective objective;
    private final Random rng;
    private final EpochListener listener;

    /**
     * Prepares a cycle's training.
     *
     * @param rng the labeled set's order each epoch and the task's augmentation
     */
    CycleTraining(
            ActiveLearningTask task,
            LearningLossNetwork net,
            TrainSettings settings,
            Random rng,
            EpochListener listener) {
        this.task = task;
        this.net = net;
        this.settings = settings;
        this.objective = new JointObjective(
                settings.lambda(),
                settings.detachEpoch(),
                new LossPredictionLoss(settings.lossKind(), settings.margin()),
                settings.lossTarget());
        this.rng = rng;
        this.listener = listener;
    }

    /** What one epoch (or batch) trained: images, and its mean task and loss-prediction losses. */
    record Losses(long images, double task, double lossPrediction) {}

    /**
     * Trains {@code model} (whose block is the network) for the settings' epochs over {@code labeled}.
     *
     * @throws TrainingDivergedException when the loss is NaN or infinite, or an epoch's mean task or
     *     loss-prediction loss exceeds {@link #EXPLOSION} times the cycle's first epoch's
     */
    TrainStats fit(Model model, Device device, int[] labeled) {
        int perEpoch = batchesPerEpoch(labeled.length);
        long start = System.nanoTime();
        long images = 0;
        Losses last = new Losses(0, Double.NaN, Double.NaN);
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(optimizer(settings, Math.max(1, perEpoch), moduleParameterIds()))
                .optDevices(new Device[] {device});
        try (Trainer trainer = model.newTrainer(config)) {
            int[] order = labeled.clone();
            Losses first = null;
            for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                last = trainEpoch(trainer, order, epoch, perEpoch);
                images += last.images();
                first = first == null ? last : first;
                checkNotExploded(first, last, epoch);
            }
        }
        return new TrainStats((System.nanoTime() - start) / 1e9, images, last.task(), last.lossPrediction());
    }

    /** Batches of an epoch: full ones, and the remainder when it holds a pair (single samples are skipped). */
    private int batchesPerEpoch(int labeled) {
        int b = settings.batch();
        return labeled / b + (labeled % b > 1 ? 1 : 0);
    }

    /** One pass over {@code order}, reshuffled in place first; returns its images and mean losses. */
    private Losses trainEpoch(Trainer trainer, int[] order, int epoch, int perEpoch) {
        detachFor(epoch);
        SubsetSampler.shuffle(order, rng);
        int b = settings.batch();
        double sumTask = 0;
        double sumLp = 0;
        long images = 0;
        int batches = 0;
        for (int from = 0; from + 1 < order.length; from += b) {
            int[] ids = Arrays.copyOfRange(order, from, Math.min(order.length, from + b));
            if (ids.length < 2) {
                continue; // the ranking loss needs pairs
            }
            Losses loss = trainBatch(trainer, ids, epoch, batches);
            sumTask += loss.task();
            sumLp += loss.lossPrediction();
            images += loss.images();
            batches++;
            listener.onBatch(epoch, batches, perEpoch);
        }
        double task = batches > 0 ? sumTask / batches : Double.NaN;
        double lp = batches > 0 ? sumLp / batches : Double.NaN;
        listener.onEpoch(epoch, settings.epochs(), task, lp);
        return new Losses(images, task, lp);
    }

    /** The paper's stop-gradient: the module's input is detached from the settings' detach epoch on. */
    private void detachFor(int epoch) {
        net.setDetachFeatures(objective.detachAt(epoch));
    }

    /**
     * One optimizer step on the batch {@code ids} (the {@code index}-th of the epoch); its
     * arrays live in a sub-manager of the trainer's, closed before returning.
     */
    private Losses trainBatch(Trainer trainer, int[] ids, int epoch, int index) {
        try (ExitGate.Batch gate = ExitGate.DEFAULT.enter();
                NDManager scope = trainer.getManager().newSubManager()) {
            TaskBatch batch = task.trainBatch(scope, ids, rng);
            float taskLoss;
            float lpLoss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList out = trainer.forward(batch.inputs());
                JointObjective.Parts parts = objective.compute(
                        task.perSampleLoss(net.heads(out), batch), task.lossWeights(batch), net.predictedLoss(out));
                taskLoss = parts.task().getFloat();
                lpLoss = parts.lossPrediction().getFloat();
                checkFinite(taskLoss, lpLoss, epoch, index);
                gc.backward(parts.total());
            }
            trainer.step();
            return new Losses(ids.length, taskLoss, lpLoss);
        }
    }

    /**
     * How many times its first epoch's mean loss an epoch's may reach before the cycle counts as
     * diverged: training that explodes without leaving the finite floats (lambda 10 on the
     * detection cpu preset went from 10 to 7.6e10) must fail, not record a meaningless row.
     */
    static final double EXPLOSION = 1e3;

    /** Throws when an epoch's mean task or loss-prediction loss exceeds {@link #EXPLOSION} x the first epoch's. */
    static void checkNotExploded(Losses first, Losses now, int epoch) {
        if (exploded(first.task(), now.task()) || exploded(first.lossPrediction(), now.lossPrediction())) {
            throw new TrainingDivergedException(String.format(
                    Locale.ROOT,
                    "loss exploded at epoch %d: task loss %.4g, loss-prediction loss %.4g, more than %.0f x the"
                            + " first epoch's (%.4g, %.4g)",
                    epoch,
                    now.task(),
                    now.lossPrediction(),
                    EXPLOSION,
                    first.task(),
                    first.lossPrediction()));
        }
    }

    private static boolean exploded(double first, double now) {
        return first > 0 && now > EXPLOSION * first;
    }

    private static void checkFinite(float taskLoss, float lpLoss, int epoch, int batch) {
        if (!Float.isFinite(taskLoss) || !Float.isFinite(lpLoss)) {
            throw new TrainingDivergedException("loss is not finite at epoch " + epoch + ", batch " + batch
                    + " (task loss " + taskLoss + ", loss-prediction loss " + lpLoss + ")");
        }
    }

    /** The ids of the loss prediction module's parameters (the ones {@code -DmoduleLr} scales). */
    private Set<String> moduleParameterIds() {
        Set<String> ids = new HashSet<>();
        for (var p : net.lossModule().getParameters()) {
            ids.add(p.getValue().getId());
        }
        return ids;
    }

    /**
     * A fresh optimizer (SGD, or RMSprop) following the settings' learning-rate schedule, the
     * module's parameters ({@code moduleIds}) at {@code moduleLr} times the rate.
     */
    private static Optimizer optimizer(TrainSettings settings, int itersPerEpoch, Set<String> moduleIds) {
        ParameterTracker schedule = schedule(settings, itersPerEpoch, moduleIds);
        if (settings.optimizer() == TrainSettings.Optimizer.RMSPROP) {
            // DJL's Optimizer.rmsprop() is not implemented on the PyTorch engine.
            return new TorchRmsProp(schedule, 0.99f, settings.momentum(), 1e-8f, settings.weightDecay());
        }
        var sgd = Optimizer.sgd()
                .setLearningRateTracker(schedule)
                .optMomentum(settings.momentum())
                .optWeightDecays(settings.weightDecay());
        if (settings.clipGradient() > 0) {
            sgd.optClipGrad(settings.clipGradient());
        }
        return sgd.build();
    }

    /**
     * The settings' learning rate by parameter and update count: milestones and warmup in updates
     * of {@code itersPerEpoch}, times {@code moduleLr} for the parameters in {@code moduleIds}.
     */
    static ParameterTracker schedule(TrainSettings settings, int itersPerEpoch, Set<String> moduleIds) {
        float lr = settings.lr();
        float moduleLr = settings.moduleLr();
        int[] steps =
                Arrays.stream(settings.milestones()).map(e -> e * itersPerEpoch).toArray();
        int warmup = settings.warmupEpochs() * itersPerEpoch;
        return (id, update) -> learningRate(moduleIds.contains(id) ? lr * moduleLr : lr, steps, warmup, update);
    }

    /**
     * The learning rate of update {@code update}: {@code lr}, x0.1 for each step passed, and
     * during the first {@code warmup} updates scaled by (update + 1) / warmup.
     */
    private static float learningRate(float lr, int[] steps, int warmup, int update) {
        float v = lr;
        for (int s : steps) {
            if (update > s) {
                v *= 0.1f;
            }
        }
        if (update < warmup) {
            v *= (update + 1f) / warmup;
        }
        return v;
    }
}

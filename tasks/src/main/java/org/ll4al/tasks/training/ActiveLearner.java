package org.ll4al.tasks.training;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.ll4al.selection.PoolView;
import org.ll4al.selection.Signal;
import org.ll4al.selection.lossprediction.LearningLossNetwork;
import org.ll4al.selection.lossprediction.LossPredictionModule;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.TargetModel;

/**
 * One (strategy, trial)'s model: the task's target model with the loss prediction module,
 * trained jointly each cycle with a fresh optimizer and schedule, then used to score a subset
 * and to evaluate. Close it to free its native memory.
 */
public final class ActiveLearner implements AutoCloseable {

    private final ActiveLearningTask task;
    private final TrainSettings settings;
    private final Device device;
    private final int lossModuleWidth;
    private String lastInfluenceCost;
    private Model model;
    private LearningLossNetwork net;
    private TargetModel target;

    private ActiveLearner(ActiveLearningTask task, TrainSettings settings, Device device, int lossModuleWidth) {
        this.task = task;
        this.settings = settings;
        this.device = device;
        this.lossModuleWidth = lossModuleWidth;
    }

    /**
     * Builds and initialises a learner; the engine is seeded with {@code seed} first so the same
     * seed gives the same initial weights.
     */
    public static ActiveLearner create(ActiveLearningTask task, TrainSettings settings, Device device, long seed) {
        ActiveLearner l = new ActiveLearner(task, settings, device, settings.moduleWidth());
        l.reinitialize(seed);
        return l;
    }

    /** Replaces the model by a freshly initialised one (seeded). */
    public void reinitialize(long seed) {
        if (model != null) {
            model.close();
        }
        target = task.newTargetModel();
        LossPredictionModule module = LossPredictionModule.builder()
                .setTapCount(target.tapCount())
                .optWidth(lossModuleWidth)
                .build();
        net = new LearningLossNetwork(target.block(), module);
        net.setInitializer(
                new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 1f),
                p -> p.getType() == Parameter.Type.WEIGHT && p.getInitializer() == null);
        model = Model.newInstance(task.name(), device);
        model.setBlock(net);
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
        net.initialize(model.getNDManager(), DataType.FLOAT32, batchShape(2));
    }

    /** The network (target model + loss prediction module). */
    public LearningLossNetwork network() {
        return net;
    }

    /** The task's description of its target model. */
    public TargetModel targetModel() {
        return target;
    }

    /** Total number of parameters of target model and module. */
    public long parameterCount() {
        long n = 0;
        for (var p : net.getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }

    private Shape batchShape(int b) {
        long[] dims = new long[target.inputShape().dimension() + 1];
        dims[0] = b;
        System.arraycopy(target.inputShape().getShape(), 0, dims, 1, dims.length - 1);
        return new Shape(dims);
    }

    /**
     * Trains one cycle on the labeled set: {@code epochs} passes in a random order drawn from
     * {@code rng}, objective = task loss + lambda x loss-prediction loss, a fresh optimizer and
     * learning-rate schedule. Batches of one sample are skipped (the ranking loss needs pairs).
     *
     * @throws TrainingDivergedException when the loss is NaN or infinite, or explodes (CycleTraining)
     */
    public TrainStats train(int[] labeled, Random rng, EpochListener listener) {
        return train(settings, labeled, rng, listener);
    }

    /**
     * Trains one cycle with other settings than the learner's (e.g. cycle 0's longer schedule).
     *
     * @throws TrainingDivergedException when the loss is NaN or infinite, or explodes (CycleTraining)
     */
    public TrainStats train(TrainSettings settings, int[] labeled, Random rng, EpochListener listener) {
        return new CycleTraining(task, net, settings, rng, listener).fit(model, device, labeled);
    }

    /** Scores a subset of the pool for the signals wanted (embeddings also for the labeled set). */
    public PoolView score(int[] subset, int[] labeled, Set<Signal> wanted) {
        return score(subset, labeled, wanted, Scoring.NONE);
    }

    /**
     * Scores a subset of the pool for the signals wanted, with what the committee, BALD and ISAL
     * strategies need.
     */
    public PoolView score(int[] subset, int[] labeled, Set<Signal> wanted, Scoring extras) {
        if (wanted.isEmpty()) {
            return PoolView.builder()
                    .setIds(subset)
                    .optSource("task " + task.name())
                    .build();
        }
        float[] influence = null;
        if (wanted.contains(Signal.INFLUENCE)) {
            influence = influence(subset, labeled, extras);
        }
        return inference()
                .score(
                        subset,
                        labeled,
                        wanted,
                        extras.committee().stream()
                                .map(ActiveLearner::inference)
                                .toList(),
                        extras.mcPasses(),
                        influence);
    }

    /** The cost of the last ISAL computation, or null. */
    public String lastInfluenceCost() {
        return lastInfluenceCost;
    }

    private float[] influence(int[] subset, int[] labeled, Scoring extras) {
        IsalSettings s = extras.isal();
        var weights = NetworkObjective.weights(task, net, s.lastLayer());
        NetworkObjective pool = new NetworkObjective(task, model, net, weights, false);
        NetworkObjective ref = s.referenceFromEval() ? new NetworkObjective(task, model, net, weights, true) : pool;
        Influence inf = new Influence(pool, ref, s, inferenceBatch());
        float[] scores = inf.scores(extras.isalReference(), labeled, subset, new Random(extras.isalSeed()));
        Set<Integer> inR = new HashSet<>();
        if (!s.referenceFromEval()) {
            for (int id : extras.isalReference()) {
                inR.add(id);
            }
        }
        for (int i = 0; i < subset.length; i++) {
            if (inR.contains(subset[i])) {
                scores[i] = Float.POSITIVE_INFINITY; // R is ISAL's held-out set: never labeled by ISAL
            }
        }
        long n = 0;
        for (var w : weights) {
            n += w.size();
        }
        Influence.Cost c = inf.cost();
        lastInfluenceCost = String.format(
                "isal over %d weights: grad L(R) %.1fs, LiSSA %.1fs (%d x %d products)," + " candidates %.1fs",
                n, c.referenceGradient(), c.lissa(), s.chains(), s.depth(), c.candidates());
        return scores;
    }

    /**
     * The true and predicted loss of pool samples {@code ids} (e.g. the labeled set the model
     * trained on), unaugmented, in inference mode: their ranking against the evaluation set's shows
     * how much of the module's ranking holds beyond the images it learned from.
     */
    public PoolView lossesOn(int[] ids) {
        return score(ids, new int[0], Diagnose.NEEDS);
    }

    /** Evaluates the metric and the loss-prediction ranking accuracy on the evaluation set. */
    public Evaluation evaluate() {
        return inference().evaluate();
    }

    private Inference inference() {
        return new Inference(task, model, net, inferenceBatch(), settings.lossTarget());
    }

    private int inferenceBatch() {
        return Math.max(2, settings.batch() * 2);
    }

    /** Writes the parameters to {@code file} atomically. */
    public void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream os = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            net.saveParameters(os);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Loads parameters written by {@link #save}; trainable ones are marked to collect gradients again. */
    public void load(Path file) throws IOException {
        try (DataInputStream is = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            net.loadParameters(model.getNDManager(), is);
        } catch (MalformedModelException e) {
            throw new IOException(file + ": not a checkpoint of this model: " + e.getMessage(), e);
        }
        for (var p : net.getParameters()) {
            Parameter param = p.getValue();
            if (param.requiresGradient() && !param.getArray().hasGradient()) {
                param.getArray().setRequiresGradient(true);
            }
        }
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}

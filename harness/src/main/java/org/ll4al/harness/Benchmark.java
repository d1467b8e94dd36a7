package org.ll4al.harness;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.ll4al.selection.CoreSetStrategy;
import org.ll4al.selection.LossPredictionLoss;
import org.ll4al.selection.LossPredictionModule;
import org.ll4al.selection.PoolView;
import org.ll4al.selection.Signal;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.Tasks;
import org.ll4al.tasks.learn.ActiveLearner;
import org.ll4al.tasks.learn.TrainStats;
import org.ll4al.tasks.learn.TrainingListener;

/**
 * The benchmark command ({@code -Dbench=coreset|classification|detection|pose}): core-set
 * selection time, and a task's training / inference images per second with the loss prediction
 * module's own share of a training step. Task benchmarks take the same options as a run.
 */
final class Benchmark {

    private Benchmark() {}

    static void run(String what, PrintStream out) throws java.io.IOException {
        out.printf("machine: %d cores, %s %s, java %s, engine %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                Engine.getInstance().getEngineName(), Engine.getInstance().getVersion());
        if ("coreset".equals(what)) {
            coreset(out, Integer.getInteger("benchN", 10_000), Integer.getInteger("benchDim", 512),
                    Integer.getInteger("benchPick", 1000));
            return;
        }
        java.util.Properties p = new java.util.Properties();
        p.putAll(System.getProperties());
        p.setProperty("task", what);
        Options o = new Options(OptionSources.collect(p, Engine.getInstance().getGpuCount() > 0));
        int images = Integer.getInteger("benchImages", 1024);
        Device device = Experiment.device(o.device);
        try (ActiveLearningTask task = Tasks.byName(what).create(o.taskConfig());
                ActiveLearner learner = ActiveLearner.create(task, oneEpoch(o), device, 1)) {
            out.println(task.describe() + "; " + learner.parameterCount() + " parameters (with module)");
            int n = Math.min(images, task.poolSize());
            int[] ids = new int[n];
            Arrays.setAll(ids, i -> i);
            learner.train(Arrays.copyOf(ids, Math.min(n, o.train().batch() * 2)), new Random(0), TrainingListener.NONE);
            TrainStats t = learner.train(ids, new Random(1), TrainingListener.NONE);
            out.printf("training  (batch %d): %.1f img/s over %d images%n", o.train().batch(), t.imagesPerSecond(), n);
            learner.score(Arrays.copyOf(ids, Math.min(n, o.train().batch() * 4)), new int[0], Set.of(Signal.PREDICTED_LOSS));
            long t0 = System.nanoTime();
            learner.score(ids, new int[0], Set.of(Signal.PREDICTED_LOSS));
            double s = (System.nanoTime() - t0) / 1e9;
            out.printf("inference (batch %d): %.1f img/s over %d images%n", o.train().batch() * 2, n / s, n);
            double module = moduleStep(learner, task, o.train().batch(), device);
            double step = o.train().batch() / t.imagesPerSecond();
            out.printf("loss prediction module + ranking loss (forward + backward): %.2f ms per batch of %d = %.1f%% of a"
                    + " training step (%.0f ms)%n", module * 1e3, o.train().batch(), 100 * module / step, step * 1e3);
        }
    }

    private static org.ll4al.tasks.learn.TrainSettings oneEpoch(Options o) {
        var s = o.train();
        return new org.ll4al.tasks.learn.TrainSettings(1, s.batch(), s.lr(), new int[0], s.momentum(), s.weightDecay(),
                s.optimizer(), s.lambda(), s.margin(), 1, s.lossKind());
    }

    /** Seconds of one forward + backward of a fresh module + ranking loss on the task's tap shapes. */
    private static double moduleStep(ActiveLearner learner, ActiveLearningTask task, int batch, Device device) {
        Shape[] outShapes = learner.targetModel().block().getOutputShapes(new Shape[] {batchShape(learner, batch)});
        int t = learner.targetModel().tapCount();
        int heads = outShapes.length - t - 1;
        Shape[] taps = Arrays.copyOfRange(outShapes, heads, heads + t);
        LossPredictionModule module = LossPredictionModule.builder().setTapCount(t).build();
        try (NDManager m = NDManager.newBaseManager(device)) {
            module.setInitializer(new ai.djl.training.initializer.NormalInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
            module.initialize(m, DataType.FLOAT32, taps);
            ParameterStore ps = new ParameterStore(m, false);
            NDList in = new NDList();
            for (Shape s : taps) {
                NDArray a = m.randomNormal(s);
                a.setRequiresGradient(true);
                in.add(a);
            }
            NDArray truth = m.randomUniform(0, 1, new Shape(batch));
            LossPredictionLoss loss = LossPredictionLoss.paper();
            double best = Double.MAX_VALUE;
            for (int r = 0; r < 12; r++) {
                long t0 = System.nanoTime();
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray pred = module.forward(ps, in, true).singletonOrThrow();
                    gc.backward(loss.compute(pred, truth));
                }
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            return best;
        }
    }

    private static Shape batchShape(ActiveLearner learner, int batch) {
        long[] d = learner.targetModel().inputShape().getShape();
        long[] all = new long[d.length + 1];
        all[0] = batch;
        System.arraycopy(d, 0, all, 1, d.length);
        return new Shape(all);
    }

    static void coreset(PrintStream out, int n, int dim, int pick) {
        Random rng = new Random(42);
        float[][] subset = new float[n][dim];
        float[][] labeled = new float[n][dim];
        for (float[][] m : new float[][][] {subset, labeled}) {
            for (float[] row : m) {
                for (int j = 0; j < dim; j++) {
                    row[j] = (float) rng.nextGaussian();
                }
            }
        }
        int[] ids = new int[n];
        Arrays.setAll(ids, i -> i);
        PoolView pool = PoolView.builder().setIds(ids).optEmbeddings(subset, labeled).build();
        CoreSetStrategy cs = new CoreSetStrategy();
        cs.select(pool, Math.min(pick, 10), rng); // warm-up
        double best = Double.MAX_VALUE;
        double sum = 0;
        int reps = 3;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            cs.select(pool, pick, rng);
            double s = (System.nanoTime() - t0) / 1e9;
            best = Math.min(best, s);
            sum += s;
        }
        out.printf("core-set greedy k-center: %d unlabeled x %d labeled x %d-d, pick %d: best %.3f s, mean %.3f s over %d"
                + " runs%n", n, n, dim, pick, best, sum / reps, reps);
    }
}

package org.ll4al.harness.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.ll4al.harness.options.BenchOptions;
import org.ll4al.harness.options.OptionSpec;
import org.ll4al.harness.supervise.NativeAllocator;
import org.ll4al.options.OptionException;
import org.ll4al.selection.lossprediction.LossPredictionLoss;
import org.ll4al.selection.lossprediction.LossPredictionModule;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.Tasks;
import org.ll4al.tasks.training.ActiveLearner;

/**
 * The benchmark command ({@code -Dbench=coreset|strategies|classification|detection|pose}):
 * core-set selection time, a task's training / inference images per second with the loss
 * prediction module's own share of a training step, and (strategies) each selection strategy's
 * scoring + selection cost per cycle. Task benchmarks take the same options as a run.
 * {@code -DbenchCompare=pytorch} runs classification and coreset side by side with their Python
 * references ({@link BenchCompare}).
 */
public final class Benchmark {

    private Benchmark() {}

    /**
     * Runs benchmark {@code what} with the options in {@code props}: one name, or several separated by
     * commas, run in turn after all are checked ({@code -Dbench=classification,coreset
     * -DbenchCompare=pytorch} prints every ratio of the side-by-side comparison in one command).
     */
    public static void run(String what, Properties props, PrintStream out) throws IOException, InterruptedException {
        List<String> names = Arrays.stream(what.split(",")).map(String::trim).toList();
        String compare = OptionSpec.value(props, BenchOptions.COMPARE);
        for (String name : names) {
            check(name, compare);
        }
        String phases = OptionSpec.value(props, BenchOptions.PHASES);
        if (!"all".equals(phases) && !(names.contains("classification") && "pytorch".equals(compare))) {
            throw new OptionException(
                    "benchPhases",
                    phases,
                    "all, unless -Dbench=classification"
                            + " -DbenchCompare=pytorch (the only benchmark whose rounds it splits)");
        }
        OptionSpec.value(props, BenchOptions.ROUNDS);
        out.printf(
                "machine: %d cores, %s %s, java %s, engine %s %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"),
                Engine.getInstance().getEngineName(),
                Engine.getInstance().getVersion());
        for (int i = 0; i < names.size(); i++) {
            if (names.size() > 1) {
                out.printf("%s-Dbench=%s%n", i == 0 ? "" : System.lineSeparator(), names.get(i));
            }
            runOne(names.get(i), compare, props, out);
        }
    }

    /** Rejects an unknown benchmark name or a comparison it has no reference for. */
    private static void check(String what, String compare) {
        boolean known = "coreset".equals(what)
                || "strategies".equals(what)
                || Tasks.names().contains(what);
        if (!known) {
            throw new OptionException(
                    "bench",
                    what,
                    "coreset, strategies or a task (" + String.join(", ", Tasks.names())
                            + "), or several of them separated by commas");
        }
        if ("numpy".equals(compare) && "classification".equals(what)) {
            throw new OptionException("benchCompare", compare, "pytorch for -Dbench=classification");
        }
        if (!compare.isEmpty() && !"coreset".equals(what) && !"classification".equals(what)) {
            throw new OptionException(
                    "benchCompare",
                    compare,
                    "a comparison of -Dbench=classification or coreset" + " (no Python reference of the " + what
                            + " benchmark exists)");
        }
    }

    private static void runOne(String what, String compare, Properties props, PrintStream out)
            throws IOException, InterruptedException {
        int rounds = OptionSpec.value(props, BenchOptions.ROUNDS);
        if ("strategies".equals(what)) {
            BenchStrategies.run(props, out);
            return;
        }
        if ("coreset".equals(what)) {
            int n = OptionSpec.value(props, BenchOptions.N);
            int dim = OptionSpec.value(props, BenchOptions.DIM);
            int pick = OptionSpec.value(props, BenchOptions.PICK);
            if (compare.isEmpty()) {
                coreset(out, n, dim, pick);
            } else {
                BenchCompare.coreset(props, out, n, dim, pick, rounds);
            }
            return;
        }
        int images = OptionSpec.value(props, BenchOptions.IMAGES);
        try (BenchSetup s = BenchSetup.open(what, props, images, out)) {
            ActiveLearner learner = s.learner;
            out.println(s.task.describe() + "; " + learner.parameterCount() + " parameters (with module)");
            int[] ids = s.ids(images);
            s.warmUp(ids);
            if (!compare.isEmpty()) {
                BenchCompare.classification(s, ids, rounds, props, out);
                return;
            }
            JvmActivity a0 = JvmActivity.now();
            double train = s.trainImagesPerSecond(ids, 1);
            JvmActivity a1 = JvmActivity.now();
            out.printf("training  (batch %d): %.1f img/s over %d images%n", s.batch(), train, ids.length);
            double infer = s.inferImagesPerSecond(ids);
            JvmActivity a2 = JvmActivity.now();
            out.printf(
                    "inference (batch %d): %.1f img/s over %d images (the pass right after training, as a cycle"
                            + " scores)%n",
                    s.inferenceBatch(), infer, ids.length);
            double again = s.inferImagesPerSecond(ids);
            JvmActivity a3 = JvmActivity.now();
            out.printf("inference again: %.1f img/s (a second pass; first / second = %.3f)%n", again, infer / again);
            out.printf(
                    "during each pass: training %s; inference %s; inference again %s; native allocator: %s%n",
                    a1.since(a0).describe(),
                    a2.since(a1).describe(),
                    a3.since(a2).describe(),
                    NativeAllocator.current());
            var trace = OptionSpec.value(props, BenchOptions.PROFILE);
            if (trace.isPresent()) {
                OpProfile.record(trace.get(), () -> s.inferImagesPerSecond(ids));
                out.println("profile of one scoring pass over " + ids.length + " images (Chrome trace: " + trace.get()
                        + "):");
                OpProfile.print(OpProfile.summarize(trace.get()), 12, out);
            }
            double module = moduleStep(learner, s.task, s.batch(), s.device);
            double step = s.batch() / train;
            out.printf(
                    "loss prediction module + ranking loss (forward + backward): %.2f ms per batch of %d = %.1f%% of a"
                            + " training step (%.0f ms)%n",
                    module * 1e3, s.batch(), 100 * module / step, step * 1e3);
        }
    }

    /** Seconds of one forward + backward of a fresh module + ranking loss on the task's tap shapes. */
    private static double moduleStep(ActiveLearner learner, ActiveLearningTask task, int batch, Device device) {
        Shape[] outShapes = learner.targetModel().block().getOutputShapes(new Shape[] {batchShape(learner, batch)});
        int t = learner.targetModel().tapCount();
        int heads = outShapes.length - t - 1;
        Shape[] taps = Arrays.copyOfRange(outShapes, heads, heads + t);
        LossPredictionModule module =
                LossPredictionModule.builder().setTapCount(t).build();
        try (NDManager m = NDManager.newBaseManager(device)) {
            module.setInitializer(new NormalInitializer(), Parameter.Type.WEIGHT);
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

    /** Core-set timing: the best and mean of 3 selections after a warm-up. */
    static void coreset(PrintStream out, int n, int dim, int pick) {
        CoreSetRun run = new CoreSetRun(n, dim, pick);
        double best = Double.MAX_VALUE;
        double sum = 0;
        int reps = 3;
        for (int r = 0; r < reps; r++) {
            double s = run.seconds();
            best = Math.min(best, s);
            sum += s;
        }
        out.printf(
                "core-set greedy k-center: %d unlabeled x %d labeled x %d-d, pick %d: best %.3f s, mean %.3f s over %d"
                        + " runs%n",
                n, n, dim, pick, best, sum / reps, reps);
    }
}

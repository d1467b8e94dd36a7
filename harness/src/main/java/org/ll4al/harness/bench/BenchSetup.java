package org.ll4al.harness.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.ll4al.harness.options.OptionSources;
import org.ll4al.harness.options.Options;
import org.ll4al.harness.run.Experiment;
import org.ll4al.selection.Signal;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.Tasks;
import org.ll4al.tasks.classification.Cifar10;
import org.ll4al.tasks.training.ActiveLearner;
import org.ll4al.tasks.training.EpochListener;
import org.ll4al.tasks.training.TrainSettings;

/**
 * A task's options, data and freshly initialised learner for the benchmark command. A task
 * benchmark takes the same options as a run; classification without {@code -Ddata} runs on a
 * generated CIFAR-format set of random images (throughput does not depend on them), deleted on
 * close.
 */
public final class BenchSetup implements AutoCloseable {

    final Options o;
    final ActiveLearningTask task;
    final ActiveLearner learner;
    final Device device;
    private final Path generated;

    private BenchSetup(Options o, ActiveLearningTask task, ActiveLearner learner, Device device, Path generated) {
        this.o = o;
        this.task = task;
        this.learner = learner;
        this.device = device;
        this.generated = generated;
    }

    /**
     * Opens a task benchmark.
     *
     * @param taskName the task
     * @param props the command's properties (the run's options and the bench* ones)
     * @param poolImages training images to generate when classification has no {@code -Ddata}
     */
    static BenchSetup open(String taskName, Properties props, int poolImages, PrintStream out) throws IOException {
        Properties p = new Properties();
        p.putAll(props);
        p.setProperty("task", taskName);
        Path generated = null;
        if ("classification".equals(taskName) && p.getProperty("data", "").isBlank()) {
            generated = Files.createTempDirectory("ll4al-bench-cifar");
            writeRandomCifar(generated, Math.max(2, poolImages), 20, 42);
            p.setProperty("data", generated.toString());
            out.println("data: no -Ddata, a generated CIFAR-format set of " + Math.max(2, poolImages) + " images");
        }
        ActiveLearningTask task = null;
        try {
            Options o =
                    new Options(OptionSources.collect(p, Engine.getInstance().getGpuCount() > 0));
            Device device = Experiment.device(o.device);
            task = Tasks.byName(taskName).create(o.taskConfig());
            ActiveLearner learner = ActiveLearner.create(task, oneEpoch(o.train()), device, 1);
            return new BenchSetup(o, task, learner, device, generated);
        } catch (RuntimeException e) {
            if (task != null) {
                task.close();
            }
            delete(generated);
            throw e;
        }
    }

    /**
     * Writes a CIFAR-10-format set of random images, {@code train} in {@code data_batch_1.bin} and
     * {@code test} in {@code test_batch.bin}, labels cycling through the classes: the benchmark's
     * data when classification has no {@code -Ddata} (throughput does not depend on the pixels).
     */
    private static void writeRandomCifar(Path dir, int train, int test, long seed) throws IOException {
        Random rng = new Random(seed);
        Files.write(dir.resolve("data_batch_1.bin"), randomRecords(train, rng));
        Files.write(dir.resolve("test_batch.bin"), randomRecords(test, rng));
    }

    private static byte[] randomRecords(int n, Random rng) {
        byte[] out = new byte[n * Cifar10.RECORD];
        rng.nextBytes(out);
        for (int i = 0; i < n; i++) {
            out[i * Cifar10.RECORD] = (byte) (i % Cifar10.CLASSES);
        }
        return out;
    }

    /** The settings with one epoch and no detach (the module's gradient reaches the target, as early in a cycle). */
    static TrainSettings oneEpoch(TrainSettings s) {
        return s.toBuilder()
                .setEpochs(1)
                .optMilestones()
                .optDetachEpoch(1)
                .optWarmupEpochs(0)
                .optClipGradient(0f)
                .build();
    }

    /** Training batch. */
    int batch() {
        return o.train().batch();
    }

    /** Inference (scoring) batch: twice the training batch, as {@link ActiveLearner#score}. */
    int inferenceBatch() {
        return Math.max(2, batch() * 2);
    }

    /** The first {@code images} pool ids (at most the pool). */
    int[] ids(int images) {
        int[] ids = new int[Math.min(images, task.poolSize())];
        Arrays.setAll(ids, i -> i);
        return ids;
    }

    /** Untimed: two training batches and two scoring batches. */
    void warmUp(int[] ids) {
        learner.train(Arrays.copyOf(ids, Math.min(ids.length, batch() * 2)), new Random(0), EpochListener.NONE);
        learner.score(
                Arrays.copyOf(ids, Math.min(ids.length, inferenceBatch() * 2)),
                new int[0],
                Set.of(Signal.PREDICTED_LOSS));
    }

    /** Training images per second of one epoch over {@code ids} (batch preparation included). */
    double trainImagesPerSecond(int[] ids, long seed) {
        return learner.train(ids, new Random(seed), EpochListener.NONE).imagesPerSecond();
    }

    /** Scoring images per second over {@code ids}: network + loss module, predicted losses copied out. */
    double inferImagesPerSecond(int[] ids) {
        long t0 = System.nanoTime();
        learner.score(ids, new int[0], Set.of(Signal.PREDICTED_LOSS));
        return ids.length / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * Seconds of preparing the scoring batches of {@code ids} alone, the Java side of a scoring pass
     * (reading the images, normalising, copying into the engine), with no forward pass.
     */
    double scoringPreparationSeconds(int[] ids) {
        int b = inferenceBatch();
        long t0 = System.nanoTime();
        for (int from = 0; from < ids.length; from += b) {
            try (NDManager m = NDManager.newBaseManager(device)) {
                task.poolBatch(m, Arrays.copyOfRange(ids, from, Math.min(ids.length, from + b)));
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The engine's intra-op threads (DJL's PyTorch engine; the processors when it cannot be asked). */
    static int engineThreads() {
        try {
            Object n = Class.forName("ai.djl.pytorch.jni.JniUtils")
                    .getMethod("getNumThreads")
                    .invoke(null);
            return (Integer) n;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    @Override
    public void close() {
        try {
            learner.close();
            task.close();
        } finally {
            delete(generated);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}

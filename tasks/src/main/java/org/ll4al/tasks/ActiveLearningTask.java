package org.ll4al.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.ll4al.selection.Signal;

/**
 * A vision task plugged into the active-learning loop: its data (a training pool addressed by
 * dataset ids {@code 0..poolSize()-1} and an evaluation set), its target model, its per-sample
 * loss, its uncertainty signals and its metric. Everything else (joint objective with the loss
 * prediction module, cycles, selection, results) is shared.
 */
public interface ActiveLearningTask extends AutoCloseable {

    /** Task name, e.g. {@code classification}. */
    String name();

    /** Name of the evaluation metric, e.g. {@code top1_accuracy}. */
    String metricName();

    /** Size of the training pool; dataset ids are {@code 0..poolSize()-1}. */
    int poolSize();

    /** Size of the evaluation set; its samples are addressed {@code 0..evalSize()-1}. */
    int evalSize();

    /** A line describing the data, model size and any scaling, printed at start. */
    String describe();

    /**
     * Builds a fresh, uninitialised target model. Its block returns {@code [heads..., taps...,
     * embedding]} (see {@link org.ll4al.selection.lossprediction.LearningLossNetwork}).
     */
    TargetModel newTargetModel();

    /** An augmented training batch of pool samples. */
    TaskBatch trainBatch(NDManager manager, int[] ids, Random rng);

    /** A pool batch without augmentation, for scoring. */
    TaskBatch poolBatch(NDManager manager, int[] ids);

    /** An evaluation batch of samples {@code ids} of the evaluation set. */
    TaskBatch evalBatch(NDManager manager, int[] ids);

    /** The true loss of every sample of the batch, shape (B); its mean is the task loss. */
    NDArray perSampleLoss(NDList heads, TaskBatch batch);

    /**
     * Per-sample weights of the training objective's task loss (a weighted mean of the per-sample
     * losses), or null for the plain mean. Detection weighs an image by its positive priors, which
     * normalises the batch's summed loss by its positives as SSD does.
     */
    default NDArray lossWeights(TaskBatch batch) {
        return null;
    }

    /** The uncertainty signals this task computes (subset of ENTROPY, MARGIN, LEAST_CONFIDENCE). */
    Set<Signal> uncertaintySignals();

    /** Per-sample uncertainty values of a pool batch, for each signal requested. */
    Map<Signal, float[]> uncertainty(NDList heads, TaskBatch batch, Set<Signal> wanted);

    /**
     * Class posteriors of a forward result's heads, shape (B, N, K): N sites per sample (1 for an
     * image classifier, one per prior box for a detector) with K class probabilities each; used
     * by {@code bald} and {@code committee}, which score a sample by its most uncertain site.
     *
     * @throws UnsupportedOperationException when {@link #hasPosteriors} is false
     */
    default NDArray posteriors(NDList heads) {
        throw new UnsupportedOperationException("task " + name() + " has no class posteriors");
    }

    /** Whether {@link #posteriors} is defined (false for e.g. heatmap regression). */
    default boolean hasPosteriors() {
        return false;
    }

    /**
     * Whether the embedding of a forward result is the input of one linear layer that produces
     * the posteriors with N = 1 (what BADGE's gradient embedding (p - e_yhat) x h needs).
     */
    default boolean linearClassifierOnEmbedding() {
        return false;
    }

    /**
     * Class balance of these pool samples ({@link LabelEntropy#normalised} of their label
     * histogram), a selection diagnostic read from the labels; {@code NaN} for a task without
     * class labels.
     */
    default double labelEntropy(int[] poolIds) {
        return Double.NaN;
    }

    /** A fresh accumulator of the evaluation metric. */
    MetricAccumulator newMetric();

    /**
     * Adds one evaluation batch to {@code metric} (from {@link #newMetric}) and returns the
     * batch's per-sample {@link #uncertainty} for the signals wanted (empty map for none). A task
     * whose metric and uncertainty read the same decoded predictions (detection: decoding + NMS
     * per image) overrides this to decode each image once; the default adds, then scores.
     */
    default Map<Signal, float[]> evaluateBatch(
            MetricAccumulator metric, NDList heads, TaskBatch batch, Set<Signal> wanted) {
        metric.add(heads, batch);
        return wanted.isEmpty() ? Map.of() : uncertainty(heads, batch, wanted);
    }

    /** Releases whatever the task holds (cached tensors, files). */
    @Override
    default void close() {}

    /**
     * A name that identifies a sample outside this run (e.g. a VOC image id), for per-sample
     * records such as {@code sample_losses.csv}; the 0-based index by default.
     *
     * @param eval true for an evaluation sample, false for a pool sample
     */
    default String sampleName(boolean eval, int id) {
        return Integer.toString(id);
    }
}

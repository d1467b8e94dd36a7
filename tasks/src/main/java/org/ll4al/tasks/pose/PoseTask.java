package org.ll4al.tasks.pose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.ll4al.selection.Signal;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.MetricAccumulator;
import org.ll4al.tasks.TargetModel;
import org.ll4al.tasks.TaskBatch;

/**
 * Human pose estimation with a stacked hourglass, on MPII or Leeds Sports Pose people in the 16
 * MPII joint slots (the metric is the dataset's: {@link PoseMetric}). True loss of a sample: the mean squared error
 * between predicted and Gaussian target heatmaps over its annotated joints inside the crop
 * (occluded ones included, see {@link PoseSet}) and all heatmap pixels, averaged over the stacks
 * (intermediate supervision). Uncertainty: {@link Signal#ENTROPY}
 * only, the mean over joints of the spatial entropy (nats) of each last-stack heatmap turned
 * into a distribution by a softmax over its pixels.
 */
public final class PoseTask implements ActiveLearningTask {

    private final PoseSet train;
    private final PoseSet valid;
    private final int res;
    private final int stacks;
    private final int depth;
    private final int channels;
    private final int stemChannels;
    private final String source;
    private final PoseMetric metric;

    PoseTask(PoseSet train, PoseSet valid, int res, int stacks, double width, String source, PoseMetric metric) {
        this.train = train;
        this.valid = valid;
        this.res = res;
        this.stacks = stacks;
        this.depth = depthFor(res / 4);
        this.channels = Math.max(8, (int) Math.round(256 * width));
        this.stemChannels = Math.max(8, (int) Math.round(64 * width));
        this.source = source;
        this.metric = metric;
    }

    /** Hourglass depth: 4 (the paper's), reduced so the lowest resolution stays at least 2x2. */
    static int depthFor(int hm) {
        int d = 4;
        while (d > 1 && hm >> d < 2) {
            d--;
        }
        if (hm % (1 << d) != 0) {
            throw new IllegalArgumentException(
                    "imageSize " + hm * 4 + " gives " + hm + "x" + hm + " heatmaps, not divisible by 2^" + d);
        }
        return d;
    }

    @Override
    public String name() {
        return "pose";
    }

    @Override
    public String metricName() {
        return metric.label();
    }

    @Override
    public int poolSize() {
        return train.size();
    }

    @Override
    public int evalSize() {
        return valid.size();
    }

    @Override
    public String describe() {
        return String.format(
                "pose: %s; pool %d, eval %d people; stacked hourglass %d stacks, depth %d, %d channels, input %dx%d, heatmaps %dx%d",
                source, train.size(), valid.size(), stacks, depth, channels, res, res, res / 4, res / 4);
    }

    @Override
    public TargetModel newTargetModel() {
        StackedHourglass net = new StackedHourglass(stacks, depth, channels, stemChannels, MpiiJoints.COUNT);
        return new TargetModel(
                net,
                stacks,
                new Shape(3, res, res),
                String.format(
                        "stacked hourglass (%d stacks, depth %d, %d channels, stem %d, input %d)",
                        stacks, depth, channels, stemChannels, res));
    }

    @Override
    public TaskBatch trainBatch(NDManager manager, int[] ids, Random rng) {
        return train.batch(manager, ids, rng);
    }

    @Override
    public TaskBatch poolBatch(NDManager manager, int[] ids) {
        return train.batch(manager, ids, null);
    }

    @Override
    public TaskBatch evalBatch(NDManager manager, int[] ids) {
        return valid.batch(manager, ids, null);
    }

    @Override
    public NDArray perSampleLoss(NDList heads, TaskBatch batch) {
        NDArray target = batch.labels().get(0);
        NDArray weight = batch.labels().get(1);
        long b = target.getShape().get(0);
        long pixels = target.getShape().get(2) * target.getShape().get(3);
        NDArray mask = weight.reshape(b, weight.getShape().get(1), 1, 1);
        NDArray denom = weight.sum(new int[] {1}).maximum(1f).mul(pixels);
        NDArray total = null;
        for (NDArray pred : heads) {
            NDArray sq = pred.sub(target).square().mul(mask).sum(new int[] {1, 2, 3});
            total = total == null ? sq : total.add(sq);
        }
        return total.div(denom).div(heads.size());
    }

    @Override
    public Set<Signal> uncertaintySignals() {
        return Set.of(Signal.ENTROPY);
    }

    @Override
    public Map<Signal, float[]> uncertainty(NDList heads, TaskBatch batch, Set<Signal> wanted) {
        Map<Signal, float[]> out = new TreeMap<>();
        if (wanted.contains(Signal.ENTROPY)) {
            out.put(Signal.ENTROPY, entropy(heads.get(heads.size() - 1)));
        }
        return out;
    }

    /** Mean over joints of the entropy of each softmax-normalised heatmap of (B, J, H, W). */
    static float[] entropy(NDArray heatmaps) {
        Shape s = heatmaps.getShape();
        NDArray logp = heatmaps.reshape(s.get(0), s.get(1), -1).logSoftmax(2);
        return logp.exp().mul(logp).sum(new int[] {2}).neg().mean(new int[] {1}).toFloatArray();
    }

    @Override
    public MetricAccumulator newMetric() {
        return metric.accumulator(valid.samples(), res);
    }
}

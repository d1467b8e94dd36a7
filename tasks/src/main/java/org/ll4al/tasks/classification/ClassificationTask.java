package org.ll4al.tasks.classification;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.ll4al.selection.Signal;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.LabelEntropy;
import org.ll4al.tasks.MetricAccumulator;
import org.ll4al.tasks.TargetModel;
import org.ll4al.tasks.TaskBatch;

/** CIFAR-10 classification with ResNet-18: cross-entropy per sample, softmax signals, top-1 accuracy. */
public final class ClassificationTask implements ActiveLearningTask {

    private final Cifar10 train;
    private final int[] poolIndex;
    private final Cifar10 test;
    private final int[] evalIndex;
    private final double width;
    private final float dropout;
    private final Supplier<TargetModel> model;

    /**
     * Creates the task over chosen parts of the data.
     *
     * @param train training images; the pool's dataset id {@code k} is image {@code poolIndex[k]}
     * @param poolIndex training images in the pool
     * @param test test images; evaluation sample {@code k} is image {@code evalIndex[k]}
     * @param evalIndex test images evaluated
     * @param width ResNet-18 width multiplier
     */
    public ClassificationTask(Cifar10 train, int[] poolIndex, Cifar10 test, int[] evalIndex, double width) {
        this(train, poolIndex, test, evalIndex, width, 0f);
    }

    /**
     * Creates the task with dropout before the classifier (for MC-dropout strategies).
     *
     * @param dropout dropout rate on the pooled features (0 = the paper's network)
     */
    public ClassificationTask(
            Cifar10 train, int[] poolIndex, Cifar10 test, int[] evalIndex, double width, float dropout) {
        this(train, poolIndex, test, evalIndex, width, dropout, null);
    }

    /**
     * Creates the task with another target model (e.g. the SSD's VGG base as a classifier, to
     * pretrain it): {@code model} builds a fresh one returning {@code [logits, taps..., embedding]}.
     */
    public ClassificationTask(
            Cifar10 train, int[] poolIndex, Cifar10 test, int[] evalIndex, Supplier<TargetModel> model) {
        this(train, poolIndex, test, evalIndex, 1, 0f, model);
    }

    private ClassificationTask(
            Cifar10 train,
            int[] poolIndex,
            Cifar10 test,
            int[] evalIndex,
            double width,
            float dropout,
            Supplier<TargetModel> model) {
        this.train = train;
        this.poolIndex = poolIndex;
        this.test = test;
        this.evalIndex = evalIndex;
        this.width = width;
        this.dropout = dropout;
        this.model = model;
    }

    @Override
    public String name() {
        return "classification";
    }

    @Override
    public String metricName() {
        return TopOneAccuracy.NAME;
    }

    @Override
    public int poolSize() {
        return poolIndex.length;
    }

    @Override
    public int evalSize() {
        return evalIndex.length;
    }

    @Override
    public String describe() {
        if (model != null) {
            return "CIFAR-10: pool " + poolIndex.length + " training images, evaluation on " + evalIndex.length
                    + " test images; " + model.get().description();
        }
        int[] ch = CifarResNet.channels(width);
        return "CIFAR-10: pool " + poolIndex.length + " of " + train.size() + " training images, evaluation on "
                + evalIndex.length + " of " + test.size() + " test images; ResNet-18 width " + width
                + " (stages " + ch[0] + "/" + ch[1] + "/" + ch[2] + "/" + ch[3]
                + (width == 1.0 ? ", the paper's network)" : ", narrower than the paper's 64/128/256/512)")
                + (dropout > 0 ? "; dropout " + dropout + " before the classifier" : "");
    }

    @Override
    public TargetModel newTargetModel() {
        if (model != null) {
            return model.get();
        }
        return new TargetModel(
                new CifarResNet(width, Cifar10.CLASSES, dropout),
                4,
                new Shape(3, 32, 32),
                "ResNet-18 (CIFAR) width " + width
                        + (dropout > 0 ? ", dropout " + dropout + " before the classifier" : ""));
    }

    @Override
    public TaskBatch trainBatch(NDManager manager, int[] ids, Random rng) {
        return batch(manager, ids, train, poolIndex, rng);
    }

    @Override
    public TaskBatch poolBatch(NDManager manager, int[] ids) {
        return batch(manager, ids, train, poolIndex, null);
    }

    @Override
    public TaskBatch evalBatch(NDManager manager, int[] ids) {
        return batch(manager, ids, test, evalIndex, null);
    }

    private static TaskBatch batch(NDManager m, int[] ids, Cifar10 data, int[] index, Random rng) {
        float[] x = new float[ids.length * Cifar10.PIXELS];
        int[] y = new int[ids.length];
        for (int b = 0; b < ids.length; b++) {
            int img = index[ids[b]];
            CifarBatcher.write(data, img, x, b * Cifar10.PIXELS, rng);
            y[b] = data.label(img);
        }
        NDArray input = m.create(x, new Shape(ids.length, 3, 32, 32));
        return new TaskBatch(ids.clone(), new NDList(input), new NDList(m.create(y)));
    }

    @Override
    public NDArray perSampleLoss(NDList heads, TaskBatch batch) {
        NDArray logits = heads.get(0);
        NDArray oneHot = batch.labels().get(0).oneHot(Cifar10.CLASSES);
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
    }

    @Override
    public Set<Signal> uncertaintySignals() {
        return Set.of(Signal.ENTROPY, Signal.MARGIN, Signal.LEAST_CONFIDENCE);
    }

    @Override
    public Map<Signal, float[]> uncertainty(NDList heads, TaskBatch batch, Set<Signal> wanted) {
        float[] p = heads.get(0).softmax(1).toFloatArray();
        int n = batch.size();
        int k = Cifar10.CLASSES;
        float[] entropy = new float[n];
        float[] margin = new float[n];
        float[] least = new float[n];
        for (int i = 0; i < n; i++) {
            double h = 0;
            float top = 0;
            float second = 0;
            for (int c = 0; c < k; c++) {
                float v = p[i * k + c];
                if (v > 0) {
                    h -= v * Math.log(v);
                }
                if (v > top) {
                    second = top;
                    top = v;
                } else if (v > second) {
                    second = v;
                }
            }
            entropy[i] = (float) h;
            margin[i] = top - second;
            least[i] = 1f - top;
        }
        Map<Signal, float[]> out = new TreeMap<>();
        out.put(Signal.ENTROPY, entropy);
        out.put(Signal.MARGIN, margin);
        out.put(Signal.LEAST_CONFIDENCE, least);
        out.keySet().retainAll(wanted);
        return out;
    }

    /** Softmax of the logits, shape (B, 1, 10). */
    @Override
    public boolean hasPosteriors() {
        return true;
    }

    @Override
    public NDArray posteriors(NDList heads) {
        return heads.get(0).softmax(1).expandDims(1);
    }

    /** The embedding is the pooled feature vector the final fully connected layer reads. */
    @Override
    public boolean linearClassifierOnEmbedding() {
        return true;
    }

    /** Entropy of the picked images' classes. */
    @Override
    public double labelEntropy(int[] poolIds) {
        int[] counts = new int[Cifar10.CLASSES];
        for (int id : poolIds) {
            counts[train.label(poolIndex[id])]++;
        }
        return LabelEntropy.normalised(counts);
    }

    @Override
    public MetricAccumulator newMetric() {
        return new TopOneAccuracy();
    }
}

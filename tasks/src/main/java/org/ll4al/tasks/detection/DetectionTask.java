package org.ll4al.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.ll4al.selection.Signal;
import org.ll4al.selection.SubsetSampler;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.LabelEntropy;
import org.ll4al.tasks.MetricAccumulator;
import org.ll4al.tasks.TargetModel;
import org.ll4al.tasks.TaskBatch;
import org.ll4al.tasks.TaskConfig;
import org.ll4al.tasks.TaskDataException;

/**
 * PASCAL VOC detection with SSD: pool = the training split(s), evaluation = the evaluation
 * split(s), loss = per-image multibox loss, uncertainty = {@link Signal#ENTROPY} as the mean
 * class-posterior entropy of an image's detections after NMS (0 when none; the paper's Sec. 4.2), metric = VOC mAP.
 * Inputs are ImageNet-normalised RGB; batch labels are {@code [loc targets (B,P,4), classes (B,P)]}.
 */
public final class DetectionTask implements ActiveLearningTask {

    private static final float[] STD = {58.4f, 57.1f, 57.4f};

    private final TaskConfig config;
    private final List<String> classes;
    private final VocImages train;
    private final VocImages eval;
    private final SsdLayout layout;
    private final float[][] priors;
    private final float[][] priorCorners;
    private final Detector detector;
    private final boolean batchNorm;
    private final boolean elevenPoint;
    private final String augmentation;
    private final boolean batchNormalized;
    private final Path pretrained;
    private final String trainSplit;
    private final String evalSplit;

    /**
     * Loads the annotations (images are decoded lazily and cached).
     *
     * @throws TaskDataException naming the file when data is missing or invalid
     */
    public DetectionTask(TaskConfig config) {
        this.config = config;
        if (config.data() == null || !Files.isDirectory(config.data())) {
            throw new TaskDataException("VOC data folder " + config.data() + " is missing; " + VocReader.HELP);
        }
        elevenPoint = config.get(DetectionTaskProvider.AP_METHOD).equals("11point");
        augmentation = config.get(DetectionTaskProvider.AUGMENT);
        batchNormalized = config.get(DetectionTaskProvider.NORMALIZE).equals("batch");
        pretrained = config.get(DetectionTaskProvider.PRETRAINED).orElse(null);
        trainSplit = config.get(DetectionTaskProvider.TRAIN_SPLIT);
        evalSplit = config.get(DetectionTaskProvider.EVAL_SPLIT);
        int size = config.imageSize() > 0 ? config.imageSize() : 300;
        VocReader reader = new VocReader(config.data(), config.get(DetectionTaskProvider.CLASSES));
        classes = reader.classes();
        train = new VocImages(SubsetSampler.limit(reader.read(trainSplit), config.poolLimit(), config.seed()), size);
        eval = new VocImages(SubsetSampler.limit(reader.read(evalSplit), config.evalLimit(), config.seed() + 1), size);
        if (train.count() == 0 || eval.count() == 0) {
            throw new TaskDataException("VOC split lists under " + config.data() + " are empty; " + VocReader.HELP);
        }
        layout = new SsdLayout(size, config.width() > 0 ? config.width() : 1);
        priors = PriorBoxes.generate(layout.featureSizes());
        priorCorners = new float[priors.length][];
        for (int j = 0; j < priors.length; j++) {
            priorCorners[j] = BoxCoder.corner(priors[j]);
        }
        detector = new Detector(priors);
        String bn = config.get(DetectionTaskProvider.BATCH_NORM);
        batchNorm = bn.isEmpty() ? pretrained == null : Boolean.parseBoolean(bn);
    }

    @Override
    public String name() {
        return "detection";
    }

    @Override
    public String metricName() {
        return elevenPoint ? "mAP_voc07_11point" : "mAP_area";
    }

    @Override
    public int poolSize() {
        return train.count();
    }

    @Override
    public int evalSize() {
        return eval.count();
    }

    /** The prior boxes (centre form). */
    public float[][] priors() {
        return priors;
    }

    @Override
    public String describe() {
        return String.format(
                "VOC detection: pool %d images (%s), eval %d (%s), %d classes; %s; %s",
                train.count(),
                trainSplit,
                eval.count(),
                evalSplit,
                classes.size(),
                modelText(),
                pretrained == null
                        ? "VGG base trained from scratch (no -Dpretrained; on CPU schedules mAP stays near 0.02: docs/tasks.md, -Dpretrain=vgg)"
                        : "VGG base from " + pretrained);
    }

    private String modelText() {
        return String.format(
                "SSD%d VGG16-style width %.3g, %s, %d priors on maps %s, %s",
                layout.imageSize(),
                layout.width(),
                batchNorm ? "BatchNorm" : "no BatchNorm",
                priors.length,
                Arrays.toString(layout.featureSizes()),
                elevenPoint ? "VOC07 11-point AP" : "area AP");
    }

    @Override
    public TargetModel newTargetModel() {
        SsdNetwork net = new SsdNetwork(layout, classes.size(), batchNorm).optPretrained(pretrained);
        int s = layout.imageSize();
        return new TargetModel(net, 6, new Shape(3, s, s), modelText());
    }

    @Override
    public TaskBatch trainBatch(NDManager manager, int[] ids, Random rng) {
        List<SsdAugmentation.Sample> samples = new ArrayList<>(ids.length);
        for (int id : ids) {
            VocAnnotation a = train.annotation(id);
            float[][] boxes = trainingBoxes(a);
            samples.add(
                    switch (augmentation) {
                        case "ssd" ->
                            SsdAugmentation.augment(train.pixels(id), train.imageSize(), boxes, trainingLabels(a), rng);
                        case "photo" ->
                            SsdAugmentation.photoMirror(
                                    train.pixels(id), train.imageSize(), boxes, trainingLabels(a), rng);
                        case "flip" ->
                            SsdAugmentation.mirror(train.pixels(id), train.imageSize(), boxes, trainingLabels(a), rng);
                        default -> SsdAugmentation.plain(train.pixels(id), train.imageSize(), boxes, trainingLabels(a));
                    });
        }
        return batch(manager, ids, samples);
    }

    @Override
    public TaskBatch poolBatch(NDManager manager, int[] ids) {
        return plainBatch(manager, ids, train);
    }

    @Override
    public TaskBatch evalBatch(NDManager manager, int[] ids) {
        return plainBatch(manager, ids, eval);
    }

    private TaskBatch plainBatch(NDManager manager, int[] ids, VocImages images) {
        List<SsdAugmentation.Sample> samples = new ArrayList<>(ids.length);
        for (int id : ids) {
            VocAnnotation a = images.annotation(id);
            samples.add(
                    SsdAugmentation.plain(images.pixels(id), images.imageSize(), trainingBoxes(a), trainingLabels(a)));
        }
        return batch(manager, ids, samples);
    }

    /** Boxes the loss trains on: the non-difficult objects. */
    private static float[][] trainingBoxes(VocAnnotation a) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.difficult()[i]) {
                out.add(a.boxes()[i]);
            }
        }
        return out.toArray(new float[0][]);
    }

    private static int[] trainingLabels(VocAnnotation a) {
        int n = 0;
        int[] out = new int[a.size()];
        for (int i = 0; i < a.size(); i++) {
            if (!a.difficult()[i]) {
                out[n++] = a.labels()[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private TaskBatch batch(NDManager manager, int[] ids, List<SsdAugmentation.Sample> samples) {
        int s = layout.imageSize();
        int plane = s * s;
        int b = ids.length;
        int p = priors.length;
        float[] x = new float[b * 3 * plane];
        float[] loc = new float[b * p * 4];
        int[] conf = new int[b * p];
        for (int i = 0; i < b; i++) {
            SsdAugmentation.Sample sample = samples.get(i);
            float[] chw = sample.chw();
            for (int c = 0; c < 3; c++) {
                float mean = SsdAugmentation.MEAN[c];
                float inv = 1f / STD[c];
                int base = (i * 3 + c) * plane;
                for (int k = 0; k < plane; k++) {
                    x[base + k] = (chw[c * plane + k] - mean) * inv;
                }
            }
            BoxCoder.targets(sample.boxes(), sample.labels(), priors, priorCorners, loc, i * p * 4, conf, i * p);
        }
        NDList inputs = new NDList(manager.create(x, new Shape(b, 3, s, s)));
        NDList labels = new NDList(manager.create(loc, new Shape(b, p, 4)), manager.create(conf, new Shape(b, p)));
        return new TaskBatch(ids, inputs, labels);
    }

    @Override
    public NDArray perSampleLoss(NDList heads, TaskBatch batch) {
        return SsdLoss.perImage(
                heads.get(0),
                heads.get(1),
                batch.labels().get(0),
                batch.labels().get(1));
    }

    /** An image's positive priors (SSD normalises the batch's loss by its positives), with -Dnormalize=batch. */
    @Override
    public NDArray lossWeights(TaskBatch batch) {
        return batchNormalized
                ? batch.labels().get(1).gt(0).toType(DataType.FLOAT32, false).sum(new int[] {1})
                : null;
    }

    @Override
    public Set<Signal> uncertaintySignals() {
        return Set.of(Signal.ENTROPY);
    }

    @Override
    public Map<Signal, float[]> uncertainty(NDList heads, TaskBatch batch, Set<Signal> wanted) {
        return decoded(heads, batch, wanted, null);
    }

    /** Decodes + NMS-es each evaluation image once for both the mAP and the entropy. */
    @Override
    public Map<Signal, float[]> evaluateBatch(
            MetricAccumulator metric, NDList heads, TaskBatch batch, Set<Signal> wanted) {
        if (!(metric instanceof VocMetric voc)) {
            return ActiveLearningTask.super.evaluateBatch(metric, heads, batch, wanted);
        }
        return decoded(heads, batch, wanted, voc);
    }

    /** Each image's detections, added to {@code metric} when not null, and the entropy when wanted. */
    private Map<Signal, float[]> decoded(NDList heads, TaskBatch batch, Set<Signal> wanted, VocMetric metric) {
        Map<Signal, float[]> out = new TreeMap<>();
        boolean entropy = wanted.contains(Signal.ENTROPY);
        if (!entropy && metric == null) {
            return out;
        }
        float[] loc = heads.get(0).toFloatArray();
        float[] probs = heads.get(1).softmax(2).toFloatArray();
        List<List<Detector.Detection>> perImage = new ArrayList<>(batch.size());
        float[] h = new float[batch.size()];
        for (int b = 0; b < h.length; b++) {
            perImage.add(detector.detect(loc, probs, b, classes.size() + 1));
            h[b] = (float) Detector.imageEntropy(perImage.get(b));
        }
        if (metric != null) {
            metric.add(perImage, batch);
        }
        if (entropy) {
            out.put(Signal.ENTROPY, h);
        }
        return out;
    }

    /** Softmax over background + classes for every prior box, shape (B, P, C + 1). */
    @Override
    public boolean hasPosteriors() {
        return true;
    }

    @Override
    public NDArray posteriors(NDList heads) {
        return heads.get(1).softmax(2);
    }

    /** Entropy of the classes of the objects (non-difficult) in the picked images. */
    @Override
    public double labelEntropy(int[] poolIds) {
        int[] counts = new int[classes.size()];
        for (int id : poolIds) {
            for (int label : trainingLabels(train.annotation(id))) {
                counts[label]++;
            }
        }
        return LabelEntropy.normalised(counts);
    }

    /** The VOC image id, e.g. {@code 2007/000012}. */
    @Override
    public String sampleName(boolean evaluation, int id) {
        return (evaluation ? eval : train).annotation(id).id();
    }

    @Override
    public MetricAccumulator newMetric() {
        return new VocMetric(eval, detector, classes.size(), elevenPoint);
    }
}

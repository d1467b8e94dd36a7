package org.ll4al.tasks.detection;

import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.List;
import org.ll4al.tasks.MetricAccumulator;
import org.ll4al.tasks.TaskBatch;

/**
 * VOC mean average precision over the evaluation set: the batch's heads are decoded and NMS-ed
 * per image, the ground truth (with difficult flags) comes from the evaluation annotations by
 * batch index. mAP averages the classes that have non-difficult ground truth.
 */
public final class VocMetric implements MetricAccumulator {

    private final VocImages eval;
    private final Detector detector;
    private final int classes;
    private final boolean elevenPoint;
    private final List<List<AveragePrecision.Scored>> detections = new ArrayList<>();
    private final List<List<AveragePrecision.Truth>> truth = new ArrayList<>();
    private int images;

    /**
     * An accumulator.
     *
     * @param eval the evaluation images
     * @param detector decoder with the model's priors
     * @param classes number of object classes
     * @param elevenPoint VOC2007 11-point AP (else area-based)
     */
    public VocMetric(VocImages eval, Detector detector, int classes, boolean elevenPoint) {
        this.eval = eval;
        this.detector = detector;
        this.classes = classes;
        this.elevenPoint = elevenPoint;
        for (int c = 0; c < classes; c++) {
            detections.add(new ArrayList<>());
            truth.add(new ArrayList<>());
        }
    }

    @Override
    public void add(NDList heads, TaskBatch batch) {
        float[] loc = heads.get(0).toFloatArray();
        float[] probs = heads.get(1).softmax(2).toFloatArray();
        List<List<Detector.Detection>> perImage = new ArrayList<>(batch.size());
        for (int b = 0; b < batch.size(); b++) {
            perImage.add(detector.detect(loc, probs, b, classes + 1));
        }
        add(perImage, batch);
    }

    /** Adds a batch's detections, already decoded and NMS-ed, one list per image of the batch. */
    public void add(List<List<Detector.Detection>> perImage, TaskBatch batch) {
        if (perImage.size() != batch.size()) {
            throw new IllegalArgumentException(
                    "VocMetric: " + perImage.size() + " detection lists for a batch of " + batch.size() + " images");
        }
        for (int b = 0; b < batch.size(); b++) {
            addImage(perImage.get(b), eval.annotation(batch.ids()[b]));
        }
    }

    /** Adds one image's detections and ground truth. */
    public void addImage(List<Detector.Detection> dets, VocAnnotation gt) {
        int image = images++;
        for (int c = 0; c < classes; c++) {
            truth.get(c).add(null);
        }
        for (int i = 0; i < gt.size(); i++) {
            List<AveragePrecision.Truth> t = truth.get(gt.labels()[i]);
            if (t.get(image) == null) {
                t.set(image, AveragePrecision.Truth.empty());
            }
            t.get(image).boxes().add(gt.boxes()[i]);
            t.get(image).difficult().add(gt.difficult()[i]);
        }
        for (Detector.Detection d : dets) {
            detections.get(d.label()).add(new AveragePrecision.Scored(image, d.score(), d.box()));
        }
    }

    /** AP of each class (NaN for classes without ground truth). */
    public double[] perClass() {
        double[] ap = new double[classes];
        for (int c = 0; c < classes; c++) {
            ap[c] = AveragePrecision.of(detections.get(c), truth.get(c), elevenPoint);
        }
        return ap;
    }

    @Override
    public double value() {
        double sum = 0;
        int n = 0;
        for (double ap : perClass()) {
            if (!Double.isNaN(ap)) {
                sum += ap;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}

package org.ll4al.tasks.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * VOC average precision of one class, as the devkit computes it: detections of all images in
 * decreasing score; a detection is a true positive when its best-overlapping ground truth of the
 * class in its image has IoU > 0.5, is not difficult and was not matched before; a second match
 * of the same object is a false positive; matches of difficult objects count as neither; the
 * number of positives excludes difficult objects. AP is the 11-point interpolated precision
 * (VOC2007) or the area under the monotone precision envelope (VOC2010+).
 */
public final class AveragePrecision {

    /** Overlap a true positive must exceed. */
    public static final double MIN_OVERLAP = 0.5;

    /**
     * A scored box of one image.
     *
     * @param image image index
     * @param score confidence
     * @param box normalised corner box
     */
    public record Scored(int image, float score, float[] box) {}

    /**
     * The ground truth of one class in one image.
     *
     * @param boxes corner boxes
     * @param difficult difficult flags
     */
    public record Truth(List<float[]> boxes, List<Boolean> difficult) {

        /** An empty ground truth to add boxes to. */
        public static Truth empty() {
            return new Truth(new ArrayList<>(), new ArrayList<>());
        }
    }

    private AveragePrecision() {}

    /**
     * The AP of one class, or NaN when it has no non-difficult ground truth.
     *
     * @param detections the class's detections in any order
     * @param truth the class's ground truth per image (index = image; null = none)
     * @param elevenPoint VOC2007 11-point interpolation (else the area method)
     */
    public static double of(List<Scored> detections, List<Truth> truth, boolean elevenPoint) {
        int npos = 0;
        List<boolean[]> used = new ArrayList<>(truth.size());
        for (Truth t : truth) {
            used.add(t == null ? new boolean[0] : new boolean[t.boxes().size()]);
            if (t != null) {
                for (boolean d : t.difficult()) {
                    npos += d ? 0 : 1;
                }
            }
        }
        if (npos == 0) {
            return Double.NaN;
        }
        List<Scored> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble(d -> -d.score()));
        int n = sorted.size();
        double[] rec = new double[n];
        double[] prec = new double[n];
        int tp = 0;
        int fp = 0;
        int k = 0;
        for (Scored d : sorted) {
            Truth t = d.image() < truth.size() ? truth.get(d.image()) : null;
            int best = -1;
            double bestIou = -1;
            if (t != null) {
                for (int g = 0; g < t.boxes().size(); g++) {
                    double o = BoxCoder.iou(d.box(), t.boxes().get(g));
                    if (o > bestIou) {
                        bestIou = o;
                        best = g;
                    }
                }
            }
            if (bestIou > MIN_OVERLAP) {
                if (t.difficult().get(best)) {
                    continue;
                }
                boolean[] u = used.get(d.image());
                if (!u[best]) {
                    u[best] = true;
                    tp++;
                } else {
                    fp++;
                }
            } else {
                fp++;
            }
            rec[k] = (double) tp / npos;
            prec[k] = (double) tp / Math.max(tp + fp, Double.MIN_VALUE);
            k++;
        }
        return elevenPoint ? elevenPoint(rec, prec, k) : area(rec, prec, k);
    }

    /**
     * VOC2007 11-point AP exactly as the devkit's {@code voc_eval.py}: thresholds are the doubles
     * of {@code np.arange(0., 1.1, 0.1)}, i.e. {@code i * 0.1} (0.30000000000000004,
     * 0.6000000000000001 and 0.7000000000000001 included), so a recall of exactly 3/10 does not
     * reach the 0.3 threshold.
     */
    static double elevenPoint(double[] rec, double[] prec, int n) {
        double ap = 0;
        for (int i = 0; i <= 10; i++) {
            double t = i * 0.1;
            double p = 0;
            for (int j = 0; j < n; j++) {
                if (rec[j] >= t) {
                    p = Math.max(p, prec[j]);
                }
            }
            ap += p / 11;
        }
        return ap;
    }

    static double area(double[] rec, double[] prec, int n) {
        double[] mrec = new double[n + 2];
        double[] mpre = new double[n + 2];
        mrec[n + 1] = 1;
        for (int i = 0; i < n; i++) {
            mrec[i + 1] = rec[i];
            mpre[i + 1] = prec[i];
        }
        for (int i = n; i >= 0; i--) {
            mpre[i] = Math.max(mpre[i], mpre[i + 1]);
        }
        double ap = 0;
        for (int i = 1; i < n + 2; i++) {
            if (mrec[i] != mrec[i - 1]) {
                ap += (mrec[i] - mrec[i - 1]) * mpre[i];
            }
        }
        return ap;
    }
}

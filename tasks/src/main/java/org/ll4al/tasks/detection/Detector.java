package org.ll4al.tasks.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * SSD post-processing of one image in plain Java: decode every prior's offsets, then per class
 * keep scores above 0.01, the 200 best, greedy NMS at IoU 0.45, and finally the 200 best
 * detections of the image. Each detection remembers the Shannon entropy (nats) of its prior's
 * full class posterior (background included).
 */
public final class Detector {

    /** Confidence threshold. */
    public static final float CONF_THRESHOLD = 0.01f;
    /** NMS IoU threshold. */
    public static final double NMS_IOU = 0.45;
    /** Boxes kept per class before NMS and per image after it. */
    public static final int TOP_K = 200;

    /**
     * One detection.
     *
     * @param label 0-based object class
     * @param score class posterior
     * @param box normalised corner box
     * @param entropy entropy of the prior's class posterior
     */
    public record Detection(int label, float score, float[] box, double entropy) {}

    private final float[][] priors;

    /** A detector for these centre-form priors. */
    public Detector(float[][] priors) {
        this.priors = priors;
    }

    /**
     * Detections of image {@code b} of a batch.
     *
     * @param loc the batch's offsets, flattened (B,P,4)
     * @param probs the batch's softmax posteriors, flattened (B,P,C+1)
     * @param classes C + 1
     */
    public List<Detection> detect(float[] loc, float[] probs, int b, int classes) {
        int p = priors.length;
        int locAt = b * p * 4;
        int probAt = b * p * classes;
        float[][] boxes = new float[p][];
        List<Detection> all = new ArrayList<>();
        long[] keys = new long[p];
        for (int c = 1; c < classes; c++) {
            int n = 0;
            for (int j = 0; j < p; j++) {
                float score = probs[probAt + j * classes + c];
                if (score > CONF_THRESHOLD) {
                    // positive floats order like their bits: sort (score, prior) pairs as longs
                    keys[n++] = ((long) Float.floatToIntBits(score) << 32) | j;
                }
            }
            if (n == 0) {
                continue;
            }
            Arrays.sort(keys, 0, n);
            int[] order = new int[Math.min(n, TOP_K)];
            for (int q = 0; q < order.length; q++) {
                order[q] = (int) keys[n - 1 - q];
            }
            n = order.length;
            List<float[]> kept = new ArrayList<>();
            for (int q = 0; q < n; q++) {
                int j = order[q];
                if (boxes[j] == null) {
                    boxes[j] = BoxCoder.decode(loc, locAt + 4 * j, priors[j]);
                }
                boolean suppressed = false;
                for (float[] k : kept) {
                    if (BoxCoder.iou(k, boxes[j]) > NMS_IOU) {
                        suppressed = true;
                        break;
                    }
                }
                if (!suppressed) {
                    kept.add(boxes[j]);
                    all.add(new Detection(
                            c - 1,
                            probs[probAt + j * classes + c],
                            boxes[j],
                            entropy(probs, probAt + j * classes, classes)));
                }
            }
        }
        all.sort(Comparator.comparingDouble(d -> -d.score()));
        return all.size() > TOP_K ? new ArrayList<>(all.subList(0, TOP_K)) : all;
    }

    /** Entropy (nats) of {@code n} probabilities at {@code p[at..]}. */
    static double entropy(float[] p, int at, int n) {
        double h = 0;
        for (int i = 0; i < n; i++) {
            double v = p[at + i];
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return h;
    }

    /**
     * The entropy-based uncertainty of an image as the paper defines it for detection (Sec. 4.2,
     * as we read it: "the entropy of an image by averaging all entropy values from softmax outputs
     * corresponding to detection boxes"): the mean posterior entropy of its detections, i.e. the
     * boxes the detector outputs after NMS (score at least 0.01, at most 200); 0 when there is none.
     * The maximum used before let the least confident of up to 200 boxes decide.
     */
    public static double imageEntropy(List<Detection> dets) {
        double h = 0;
        for (Detection d : dets) {
            h += d.entropy();
        }
        return dets.isEmpty() ? 0 : h / dets.size();
    }
}

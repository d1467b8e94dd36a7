package org.ll4al.tasks.detection;

import java.util.Arrays;

/**
 * SSD box arithmetic in plain Java: IoU, matching of ground truth to priors (each ground truth
 * takes its best prior, then every prior with IoU >= threshold takes its best ground truth), and
 * the offset encoding with variances (0.1, 0.2). Priors are centre form {@code (cx, cy, w, h)},
 * boxes corner form {@code (x1, y1, x2, y2)}, all normalised.
 */
public final class BoxCoder {

    /** Centre variance. */
    public static final float V0 = 0.1f;
    /** Size variance. */
    public static final float V1 = 0.2f;

    private BoxCoder() {}

    /** Intersection over union of two corner boxes. */
    public static double iou(float[] a, float[] b) {
        double iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        double ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** Centre-form prior to corner form. */
    public static float[] corner(float[] p) {
        return new float[] {p[0] - p[2] / 2, p[1] - p[3] / 2, p[0] + p[2] / 2, p[1] + p[3] / 2};
    }

    /**
     * Matches ground truths to priors.
     *
     * @return per prior the index of its ground truth, or -1 for background
     */
    public static int[] match(float[][] truths, float[][] priorCorners, double threshold) {
        int p = priorCorners.length;
        int[] best = new int[p];
        double[] bestIou = new double[p];
        Arrays.fill(best, -1);
        int[] bestPrior = new int[truths.length];
        double[] bestPriorIou = new double[truths.length];
        Arrays.fill(bestPriorIou, -1);
        for (int j = 0; j < p; j++) {
            for (int g = 0; g < truths.length; g++) {
                double o = iou(truths[g], priorCorners[j]);
                if (o > bestIou[j] || best[j] < 0) {
                    bestIou[j] = o;
                    best[j] = g;
                }
                if (o > bestPriorIou[g]) {
                    bestPriorIou[g] = o;
                    bestPrior[g] = j;
                }
            }
        }
        for (int j = 0; j < p; j++) {
            if (bestIou[j] < threshold) {
                best[j] = -1;
            }
        }
        for (int g = 0; g < truths.length; g++) {
            best[bestPrior[g]] = g;
        }
        return best;
    }

    /** Encodes a corner box against a centre-form prior into {@code out[at..at+3]}. */
    public static void encode(float[] box, float[] prior, float[] out, int at) {
        float cx = (box[0] + box[2]) / 2;
        float cy = (box[1] + box[3]) / 2;
        float w = Math.max(box[2] - box[0], 1e-6f);
        float h = Math.max(box[3] - box[1], 1e-6f);
        out[at] = (cx - prior[0]) / (V0 * prior[2]);
        out[at + 1] = (cy - prior[1]) / (V0 * prior[3]);
        out[at + 2] = (float) Math.log(w / prior[2]) / V1;
        out[at + 3] = (float) Math.log(h / prior[3]) / V1;
    }

    /** Decodes offsets {@code loc[at..at+3]} against a centre-form prior to a corner box. */
    public static float[] decode(float[] loc, int at, float[] prior) {
        float cx = prior[0] + loc[at] * V0 * prior[2];
        float cy = prior[1] + loc[at + 1] * V0 * prior[3];
        float w = prior[2] * (float) Math.exp(loc[at + 2] * V1);
        float h = prior[3] * (float) Math.exp(loc[at + 3] * V1);
        return new float[] {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
    }

    /**
     * Training targets of one image: encoded offsets {@code loc[4P]} and classes {@code conf[P]}
     * (0 = background, label + 1 otherwise).
     */
    public static void targets(
            float[][] truths,
            int[] labels,
            float[][] priors,
            float[][] priorCorners,
            float[] loc,
            int locAt,
            int[] conf,
            int confAt) {
        int p = priors.length;
        if (truths.length == 0) {
            return;
        }
        int[] m = match(truths, priorCorners, 0.5);
        for (int j = 0; j < p; j++) {
            if (m[j] >= 0) {
                conf[confAt + j] = labels[m[j]] + 1;
                encode(truths[m[j]], priors[j], loc, locAt + 4 * j);
            }
        }
    }
}

package org.ll4al.tasks.pose;

/**
 * Gaussian heatmap targets and their decoding. Sigma is 1 pixel at a 64x64 heatmap and scales
 * with the heatmap resolution, but is kept at least {@link #MIN_SIGMA} so a low-resolution
 * heatmap still has a peak wider than one pixel.
 */
public final class Heatmaps {

    /** Smallest sigma used (heatmap pixels). */
    public static final double MIN_SIGMA = 0.75;

    private Heatmaps() {}

    /** The Gaussian sigma for a heatmap of {@code hm} pixels: {@code max(hm / 64, MIN_SIGMA)}. */
    public static double sigma(int hm) {
        return Math.max(hm / 64.0, MIN_SIGMA);
    }

    /**
     * Renders one Gaussian per joint (peak 1 at the joint) into {@code dst} from {@code offset},
     * planes of {@code hm x hm}. Joints whose weight is 0 or that fall outside the heatmap get an
     * empty plane and weight 0 (written back into {@code weight}).
     *
     * @param joints joints in heatmap coordinates
     */
    public static void render(double[][] joints, float[] weight, int hm, double sigma, float[] dst, int offset) {
        int plane = hm * hm;
        double inv = 1.0 / (2 * sigma * sigma);
        int radius = (int) Math.ceil(3 * sigma);
        for (int j = 0; j < joints.length; j++) {
            double x = joints[j][0];
            double y = joints[j][1];
            if (weight[j] <= 0 || x < -0.5 || y < -0.5 || x > hm - 0.5 || y > hm - 0.5) {
                weight[j] = 0;
                continue;
            }
            int base = offset + j * plane;
            int cx = (int) Math.round(x);
            int cy = (int) Math.round(y);
            for (int py = Math.max(0, cy - radius); py <= Math.min(hm - 1, cy + radius); py++) {
                for (int px = Math.max(0, cx - radius); px <= Math.min(hm - 1, cx + radius); px++) {
                    double d2 = (px - x) * (px - x) + (py - y) * (py - y);
                    dst[base + py * hm + px] = (float) Math.exp(-d2 * inv);
                }
            }
        }
    }

    /**
     * The peak of one heatmap plane, refined by a quarter pixel towards the higher neighbour (the
     * usual stacked-hourglass decoding), in heatmap coordinates.
     */
    public static double[] peak(float[] heat, int offset, int w, int h) {
        int best = 0;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < w * h; i++) {
            if (heat[offset + i] > max) {
                max = heat[offset + i];
                best = i;
            }
        }
        int px = best % w;
        int py = best / w;
        double x = px;
        double y = py;
        if (px > 0 && px < w - 1) {
            x += 0.25 * Math.signum(heat[offset + best + 1] - heat[offset + best - 1]);
        }
        if (py > 0 && py < h - 1) {
            y += 0.25 * Math.signum(heat[offset + best + w] - heat[offset + best - w]);
        }
        return new double[] {x, y};
    }
}

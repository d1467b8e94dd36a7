package org.ll4al.tasks.detection;

import java.util.ArrayList;
import java.util.List;

/**
 * SSD default boxes for six source maps of any size: scales 0.1, 0.2, 0.37, 0.54, 0.71, 0.88 of
 * the input (SSD300's 30, 60, 111, 162, 213, 264 px; next scale 1.05), aspect ratios {2} on the
 * first and last two maps and {2, 3} elsewhere, i.e. 4 or 6 boxes per location (8,732 for
 * SSD300's 38, 19, 10, 5, 3, 1 maps). Centres are {@code (j + 0.5) / f}; boxes are clipped to [0, 1].
 * Order per map: row, column, then box (matching the heads' channel layout).
 */
public final class PriorBoxes {

    private static final double[] SCALES = {0.1, 0.2, 0.37, 0.54, 0.71, 0.88, 1.05};
    private static final int[][] RATIOS = {{2}, {2, 3}, {2, 3}, {2, 3}, {2}, {2}};

    private PriorBoxes() {}

    /** Boxes per location of source map {@code k}. */
    public static int boxesPerLocation(int k) {
        return 2 + 2 * RATIOS[k].length;
    }

    /** The priors, centre form {@code (cx, cy, w, h)}, for the six feature-map sizes given. */
    public static float[][] generate(int[] featureSizes) {
        if (featureSizes.length != RATIOS.length) {
            throw new IllegalArgumentException("SSD has 6 source maps, got " + featureSizes.length);
        }
        List<float[]> out = new ArrayList<>();
        for (int k = 0; k < featureSizes.length; k++) {
            int f = featureSizes[k];
            double s = SCALES[k];
            double s2 = Math.sqrt(SCALES[k] * SCALES[k + 1]);
            for (int i = 0; i < f; i++) {
                for (int j = 0; j < f; j++) {
                    float cx = (float) ((j + 0.5) / f);
                    float cy = (float) ((i + 0.5) / f);
                    out.add(box(cx, cy, s, s));
                    out.add(box(cx, cy, s2, s2));
                    for (int r : RATIOS[k]) {
                        double q = Math.sqrt(r);
                        out.add(box(cx, cy, s * q, s / q));
                        out.add(box(cx, cy, s / q, s * q));
                    }
                }
            }
        }
        return out.toArray(new float[0][]);
    }

    private static float[] box(float cx, float cy, double w, double h) {
        return new float[] {cx, cy, (float) Math.min(1, w), (float) Math.min(1, h)};
    }
}

package org.ll4al.tasks;

/** Class balance of a set of samples: entropy of their label histogram divided by log(classes). */
public final class LabelEntropy {

    private LabelEntropy() {}

    /**
     * Normalised entropy of a histogram: 1 when every class has the same count, 0 when one class
     * holds everything; {@code NaN} for an empty histogram or fewer than two classes.
     */
    public static double normalised(int[] counts) {
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        if (total == 0 || counts.length < 2) {
            return Double.NaN;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / total;
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(counts.length);
    }
}

package org.ll4al.report;

import java.util.List;
import java.util.Locale;

/** Small descriptive statistics used by the report (mean, sample std, trapezoid, paired t). */
final class Stats {

    private Stats() {}

    /** Arithmetic mean, {@code NaN} for an empty list. */
    static double mean(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.size();
    }

    /** Sample standard deviation (n - 1 denominator), {@code NaN} for fewer than 2 values. */
    static double sampleStd(List<Double> v) {
        if (v.size() < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.size() - 1));
    }

    /**
     * Area under the piecewise-linear curve through (x[i], y[i]) (x ascending) divided by the
     * x-range, i.e. the mean of the curve; a single point gives its own y.
     */
    static double normalisedArea(double[] x, double[] y) {
        if (x.length == 0) {
            return Double.NaN;
        }
        if (x.length == 1 || x[x.length - 1] == x[0]) {
            return y[0];
        }
        double area = 0;
        for (int i = 1; i < x.length; i++) {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        }
        return area / (x[x.length - 1] - x[0]);
    }

    /** Paired t statistic of differences: mean / (sample std / sqrt(n)); {@code NaN} if n < 2. */
    static double pairedT(List<Double> diffs) {
        if (diffs.size() < 2) {
            return Double.NaN;
        }
        double m = mean(diffs);
        double sd = sampleStd(diffs);
        return m / (sd / Math.sqrt(diffs.size()));
    }

    /** Formats with 4 decimals; {@code n/a} for NaN and {@code inf}/{@code -inf} for infinities. */
    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** Formats {@code mean ± std} with 4 decimals each; {@code n/a} for no values. */
    static String meanStd(List<Double> v) {
        if (v.isEmpty()) {
            return "n/a";
        }
        return fmt(mean(v)) + " ± " + fmt(sampleStd(v));
    }
}

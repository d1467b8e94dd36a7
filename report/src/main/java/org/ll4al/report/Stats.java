package org.ll4al.report;

import java.util.List;
import java.util.Locale;

/** Small descriptive statistics used by the report and the benchmark (mean, sample std, trapezoid, paired t). */
public final class Stats {

    private Stats() {}

    /** Arithmetic mean, {@code NaN} for an empty list. */
    public static double mean(List<Double> v) {
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

    /**
     * Two-sided p-value of the paired t test of these differences (Student t with n - 1 degrees
     * of freedom); {@code NaN} if n &lt; 2, 0 when every difference is the same non-zero value, 1
     * when all are zero.
     */
    public static double pairedP(List<Double> diffs) {
        double t = pairedT(diffs);
        if (diffs.size() < 2) {
            return Double.NaN;
        }
        if (Double.isNaN(t)) {
            return 1; // 0 / 0: every difference is zero
        }
        return twoSidedP(t, diffs.size() - 1);
    }

    /**
     * The 95% confidence interval of the mean of paired differences, mean ± t(0.975, n - 1) · sd /
     * sqrt(n), as {lower, upper}; {@code null} if n &lt; 2.
     */
    static double[] pairedInterval95(List<Double> diffs) {
        if (diffs.size() < 2) {
            return null;
        }
        double half = tQuantile975(diffs.size() - 1) * sampleStd(diffs) / Math.sqrt(diffs.size());
        double m = mean(diffs);
        return new double[] {m - half, m + half};
    }

    /** The t with P(|T| &gt;= t) = 0.05 for Student's t with {@code df} degrees of freedom (bisection). */
    static double tQuantile975(double df) {
        double lo = 0;
        double hi = 1e6;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (twoSidedP(mid, df) > 0.05) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** P(|T| &gt;= |t|) for Student's t with {@code df} degrees of freedom. */
    static double twoSidedP(double t, double df) {
        if (Double.isInfinite(t)) {
            return 0;
        }
        return regularizedBeta(df / (df + t * t), df / 2, 0.5);
    }

    /** The regularized incomplete beta function I_x(a, b) (continued fraction, Numerical Recipes 6.4). */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
        if (x < (a + 1) / (a + b + 2)) {
            return Math.exp(lnFront) * betaFraction(x, a, b) / a;
        }
        return 1 - Math.exp(lnFront) * betaFraction(1 - x, b, a) / b;
    }

    private static double betaFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        double h = d;
        for (int m = 1; m <= 300; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + aa * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + aa * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }

    /** ln Gamma(x) for x &gt; 0 (Lanczos, g = 7, 9 terms; about 15 significant digits). */
    static double logGamma(double x) {
        final double[] c = {
            0.99999999999980993,
            676.5203681218851,
            -1259.1392167224028,
            771.32342877765313,
            -176.61502916214059,
            12.507343278686905,
            -0.13857109526572012,
            9.9843695780195716e-6,
            1.5056327351493116e-7
        };
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double sum = c[0];
        for (int i = 1; i < 9; i++) {
            sum += c[i] / (x + i);
        }
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
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

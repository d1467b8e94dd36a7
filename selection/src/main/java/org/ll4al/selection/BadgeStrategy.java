package org.ll4al.selection;

import java.util.Arrays;
import java.util.Random;
import java.util.Set;

/**
 * {@code badge}: BADGE (Ash et al., ICLR 2020). k-means++ seeding on the gradient embeddings
 * g = (p - e_yhat) (outer) h: the first pick is the largest-norm embedding, each further pick is
 * drawn with probability proportional to its squared distance to the nearest pick so far.
 *
 * <p>Deterministic given the random source: samples are visited in increasing dataset id, each
 * draw takes one {@code rng.nextDouble()} u and picks the first sample whose cumulative squared
 * distance reaches u x the total; ties of the first pick go to the smaller id; when every
 * remaining distance is 0 (duplicates of picks) the smallest unpicked id is taken.
 */
public final class BadgeStrategy implements SelectionStrategy {

    @Override
    public String name() {
        return "badge";
    }

    @Override
    public String description() {
        return "k-means++ seeding on gradient embeddings (p - e_yhat) x h (BADGE)";
    }

    @Override
    public Set<Signal> requiredSignals() {
        return Set.of(Signal.GRADIENT_EMBEDDING);
    }

    @Override
    public Selection select(PoolView pool, int budget, Random rng) {
        TopScores.checkBudget(pool, budget);
        float[][] byPosition = pool.vectors(Signal.GRADIENT_EMBEDDING);
        int n = byPosition.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        int[] ids = pool.ids();
        Arrays.sort(order, (a, b) -> Integer.compare(ids[a], ids[b]));
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = byPosition[order[i]];
        }
        double[] d2 = new double[n];
        Arrays.fill(d2, Double.POSITIVE_INFINITY);
        boolean[] taken = new boolean[n];
        int[] picked = new int[budget];
        double[] scores = new double[budget];
        int first = 0;
        double best = -1;
        for (int i = 0; i < n; i++) {
            double norm = dot(x[i], x[i]);
            if (norm > best) {
                best = norm;
                first = i;
            }
        }
        int current = first;
        for (int k = 0; k < budget; k++) {
            taken[current] = true;
            picked[k] = ids[order[current]];
            scores[k] = k == 0 ? Math.sqrt(best) : Math.sqrt(d2[current]);
            if (k == budget - 1) {
                break;
            }
            double total = 0;
            for (int i = 0; i < n; i++) {
                if (!taken[i]) {
                    d2[i] = Math.min(d2[i], squaredDistance(x[i], x[current]));
                    total += d2[i];
                } else {
                    d2[i] = 0;
                }
            }
            current = draw(d2, taken, total, rng.nextDouble());
        }
        return new Selection(picked, scores);
    }

    private static int draw(double[] d2, boolean[] taken, double total, double u) {
        if (total > 0) {
            double target = u * total;
            double cumulative = 0;
            int last = -1;
            for (int i = 0; i < d2.length; i++) {
                if (taken[i] || d2[i] == 0) {
                    continue;
                }
                cumulative += d2[i];
                last = i;
                if (cumulative >= target) {
                    return i;
                }
            }
            return last; // rounding: u x total a hair above the float sum
        }
        for (int i = 0; i < taken.length; i++) {
            if (!taken[i]) {
                return i;
            }
        }
        throw new IllegalStateException("no sample left to pick");
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static double squaredDistance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            s += d * d;
        }
        return s;
    }
}

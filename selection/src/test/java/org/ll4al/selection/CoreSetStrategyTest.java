package org.ll4al.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CoreSetStrategyTest {

    private static float[][] points(Random rng, int n, int d) {
        float[][] p = new float[n][d];
        for (float[] row : p) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) rng.nextGaussian();
            }
        }
        return p;
    }

    /** Textbook greedy k-center in double precision. */
    private static int[] bruteForce(int[] ids, float[][] x, float[][] centers, int k) {
        double[] min = new double[x.length];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        for (float[] c : centers) {
            for (int i = 0; i < x.length; i++) {
                min[i] = Math.min(min[i], dist(x[i], c));
            }
        }
        int[] out = new int[k];
        boolean[] taken = new boolean[x.length];
        for (int s = 0; s < k; s++) {
            int best = -1;
            for (int i = 0; i < x.length; i++) {
                if (!taken[i] && (best < 0 || min[i] > min[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            out[s] = ids[best];
            for (int i = 0; i < x.length; i++) {
                min[i] = Math.min(min[i], dist(x[i], x[best]));
            }
        }
        return out;
    }

    private static double dist(float[] a, float[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }

    @Test
    void matchesBruteForceGreedyKCenter() {
        Random rng = new Random(3);
        float[][] x = points(rng, 300, 16);
        float[][] labeled = points(rng, 1500, 16); // more than one matmul block
        int[] ids = IntStream.range(0, 300).map(i -> 50_000 + 11 * i).toArray();
        PoolView pool = PoolView.builder().setIds(ids).optEmbeddings(x, labeled).build();
        Selection s = new CoreSetStrategy().select(pool, 25, new Random(0));
        assertArrayEquals(bruteForce(ids, x, labeled, 25), s.ids());
    }

    @Test
    void pointsOnTopOfLabeledCentersComeLast() {
        float[][] x = {{0, 0}, {10, 0}, {0, 5}, {1, 1}};
        float[][] labeled = {{0, 0}, {1, 1}};
        int[] ids = {100, 200, 300, 400};
        Selection s = new CoreSetStrategy()
                .select(PoolView.builder().setIds(ids).optEmbeddings(x, labeled).build(), 4, new Random(0));
        // farthest first: (10,0) at distance 9.06 from (1,1); then (0,5) at 4.12; then the two on centers (tie ->
        // smaller id)
        assertArrayEquals(new int[] {200, 300, 100, 400}, s.ids());
        assertEquals(Math.sqrt(82), s.scores()[0], 1e-5);
        assertEquals(0.0, s.scores()[3], 1e-6);
    }
}

package org.ll4al.harness.bench;

import java.util.Arrays;
import java.util.Random;
import org.ll4al.selection.CoreSetStrategy;
import org.ll4al.selection.PoolView;

/** Greedy k-center on Gaussian embeddings: n unlabeled and n labeled points of {@code dim}, {@code pick} picks. */
final class CoreSetRun {
    private final PoolView pool;
    private final int pick;
    private final Random rng = new Random(42);
    private final CoreSetStrategy strategy = new CoreSetStrategy();

    CoreSetRun(int n, int dim, int pick) {
        float[][] subset = new float[n][dim];
        float[][] labeled = new float[n][dim];
        for (float[][] m : new float[][][] {subset, labeled}) {
            for (float[] row : m) {
                for (int j = 0; j < dim; j++) {
                    row[j] = (float) rng.nextGaussian();
                }
            }
        }
        int[] ids = new int[n];
        Arrays.setAll(ids, i -> i);
        pool = PoolView.builder().setIds(ids).optEmbeddings(subset, labeled).build();
        this.pick = Math.min(pick, n);
        strategy.select(pool, Math.min(this.pick, 10), rng); // warm-up
    }

    /** Seconds of one selection. */
    double seconds() {
        long t0 = System.nanoTime();
        strategy.select(pool, pick, rng);
        return (System.nanoTime() - t0) / 1e9;
    }
}

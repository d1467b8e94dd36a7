package org.ll4al.selection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import java.util.Set;

/**
 * {@code coreset}: greedy k-center (Sener and Savarese, 2018) on the task's embeddings, with the
 * labeled set as the initial centers. Each pick is the subset point farthest from its nearest
 * center; distances are exact (squared Euclidean via engine matmuls), computed blockwise so no
 * subset-by-labeled matrix larger than {@value #BLOCK} columns is ever held.
 */
public final class CoreSetStrategy implements SelectionStrategy {

    /** Labeled centers processed per matmul block. */
    static final int BLOCK = 1024;

    @Override
    public String name() {
        return "coreset";
    }

    @Override
    public Set<Signal> requiredSignals() {
        return Set.of(Signal.EMBEDDING);
    }

    @Override
    public Selection select(PoolView pool, int budget, Random rng) {
        TopScores.checkBudget(pool, budget);
        float[][] x = pool.embeddings();
        float[][] labeled = pool.labeledEmbeddings();
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        int[] ids = pool.ids();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray xs = m.create(flatten(x, d), new Shape(n, d));
            NDArray xNorm = xs.square().sum(new int[] {1}); // (n)
            float[] xn = xNorm.toFloatArray();
            float[] minDist = initialDistances(m, xs, xNorm, labeled, d);
            int[] picked = new int[budget];
            double[] scores = new double[budget];
            boolean[] taken = new boolean[n];
            for (int k = 0; k < budget; k++) {
                int best = -1;
                for (int i = 0; i < n; i++) {
                    if (taken[i]) {
                        continue;
                    }
                    if (best < 0
                            || minDist[i] > minDist[best]
                            || (minDist[i] == minDist[best] && ids[i] < ids[best])) {
                        best = i;
                    }
                }
                taken[best] = true;
                picked[k] = ids[best];
                scores[k] = Math.sqrt(Math.max(0f, minDist[best]));
                if (k + 1 < budget) {
                    try (NDArray c = xs.get(best);
                            NDArray dot = xs.matMul(c)) {
                        float[] g = dot.toFloatArray();
                        float cn = xn[best];
                        for (int i = 0; i < n; i++) {
                            float dist = Math.max(0f, xn[i] + cn - 2f * g[i]);
                            if (dist < minDist[i]) {
                                minDist[i] = dist;
                            }
                        }
                    }
                }
            }
            return new Selection(picked, scores);
        }
    }

    /** Squared distance of each subset point to its nearest labeled center (+inf if none). */
    private static float[] initialDistances(
            NDManager m, NDArray xs, NDArray xNorm, float[][] labeled, int d) {
        int n = (int) xs.getShape().get(0);
        float[] minDist = new float[n];
        java.util.Arrays.fill(minDist, Float.POSITIVE_INFINITY);
        NDArray xNormRow = xNorm.reshape(1, n);
        NDArray xsT = xs.transpose();
        for (int from = 0; from < labeled.length; from += BLOCK) {
            int to = Math.min(labeled.length, from + BLOCK);
            int b = to - from;
            // every intermediate starts from an array of the block manager, so it is freed here
            try (NDManager block = m.newSubManager()) {
                NDArray c = block.create(flatten(java.util.Arrays.copyOfRange(labeled, from, to), d), new Shape(b, d));
                NDArray dist = c.square().sum(new int[] {1}).reshape(b, 1).add(xNormRow).sub(c.matMul(xsT).mul(2f));
                float[] blockMin = dist.min(new int[] {0}).toFloatArray();
                for (int i = 0; i < n; i++) {
                    minDist[i] = Math.min(minDist[i], Math.max(0f, blockMin[i]));
                }
            }
        }
        return minDist;
    }

    private static float[] flatten(float[][] rows, int d) {
        float[] flat = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException(
                        "embedding " + i + " has " + rows[i].length + " dimensions, expected " + d);
            }
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return flat;
    }
}

package org.ll4al.selection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * {@code coreset}: greedy k-center (Sener and Savarese, 2018) on the task's embeddings, with the
 * labeled set as the initial centers. Each pick is the subset point farthest from its nearest
 * center. Distances are exact squared Euclidean distances:
 *
 * <ul>
 *   <li>to the labeled centers, with engine matmuls in blocks of {@value #BLOCK} centers (the
 *       full subset-by-labeled matrix never exists);
 *   <li>to the picked centers, lazily: each point keeps an upper bound (its distance to the
 *       centers applied so far) in a max-heap, and only a point reaching the top is brought up
 *       to date. Bounds only shrink, so a point on top whose bound is current is the exact
 *       farthest point; the result equals the textbook greedy (ties to the smaller id).
 * </ul>
 */
public final class CoreSetStrategy implements SelectionStrategy {

    /** Labeled centers processed per matmul block. */
    static final int BLOCK = 2048;

    @Override
    public String name() {
        return "coreset";
    }

    @Override
    public String description() {
        return "greedy k-center on the task's embeddings, labeled set as initial centers";
    }

    @Override
    public Set<Signal> requiredSignals() {
        return Set.of(Signal.EMBEDDING);
    }

    @Override
    public Selection select(PoolView pool, int budget, Random rng) {
        TopScores.checkBudget(pool, budget);
        float[][] x = pool.embeddings();
        int n = x.length;
        int d = x[0].length;
        int[] ids = pool.ids();
        float[] flat = flatten(x, d);
        float[] norm = new float[n];
        for (int i = 0; i < n; i++) {
            norm[i] = dot(flat, i * d, flat, i * d, d);
        }
        float[] bound = toLabeled(flat, norm, pool.labeledEmbeddings(), n, d);
        int[] applied = new int[n];
        PriorityQueue<Integer> heap = new PriorityQueue<>(n, (a, b) -> {
            int c = Float.compare(bound[b], bound[a]);
            return c != 0 ? c : Integer.compare(ids[a], ids[b]);
        });
        for (int i = 0; i < n; i++) {
            heap.add(i);
        }
        int[] centers = new int[budget];
        int[] picked = new int[budget];
        double[] scores = new double[budget];
        for (int k = 0; k < budget; k++) {
            int i = heap.poll();
            while (applied[i] < k) {
                for (int t = applied[i]; t < k; t++) {
                    int c = centers[t];
                    float dist = Math.max(0f, norm[i] + norm[c] - 2f * dot(flat, i * d, flat, c * d, d));
                    if (dist < bound[i]) {
                        bound[i] = dist;
                    }
                }
                applied[i] = k;
                heap.add(i);
                i = heap.poll();
            }
            centers[k] = i;
            picked[k] = ids[i];
            scores[k] = Math.sqrt(Math.max(0f, bound[i]));
        }
        return new Selection(picked, scores);
    }

    /** Squared distance of each subset point to its nearest labeled center (+inf if none). */
    private static float[] toLabeled(float[] flat, float[] norm, float[][] labeled, int n, int d) {
        float[] min = new float[n];
        Arrays.fill(min, Float.POSITIVE_INFINITY);
        if (labeled.length == 0) {
            return min;
        }
        // augmented rows: x' = [x, 1, 0..], c' = [-2c, |c|^2, 0..], so c'.x' = |c|^2 - 2 c.x in one matmul
        int w = d + 8;
        float[] xa = new float[n * w];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, xa, i * w, d);
            xa[i * w + d] = 1f;
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray xsT = m.create(xa, new Shape(n, w)).transpose();
            for (int from = 0; from < labeled.length; from += BLOCK) {
                int to = Math.min(labeled.length, from + BLOCK);
                int b = to - from;
                float[] ca = new float[b * w];
                for (int j = 0; j < b; j++) {
                    float[] row = labeled[from + j];
                    if (row.length != d) {
                        throw new IllegalArgumentException("labeled embedding " + (from + j) + " has " + row.length
                                + " dimensions, expected " + d);
                    }
                    float sq = 0;
                    for (int k = 0; k < d; k++) {
                        ca[j * w + k] = -2f * row[k];
                        sq += row[k] * row[k];
                    }
                    ca[j * w + d] = sq;
                }
                // every intermediate starts from an array of the block manager, so it is freed here
                try (NDManager block = m.newSubManager()) {
                    float[] blockMin = block.create(ca, new Shape(b, w))
                            .matMul(xsT)
                            .min(new int[] {0})
                            .toFloatArray();
                    for (int i = 0; i < n; i++) {
                        min[i] = Math.min(min[i], Math.max(0f, norm[i] + blockMin[i]));
                    }
                }
            }
        }
        return min;
    }

    private static float dot(float[] a, int ao, float[] b, int bo, int d) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = 0;
        for (; j + 3 < d; j += 4) {
            s0 += a[ao + j] * b[bo + j];
            s1 += a[ao + j + 1] * b[bo + j + 1];
            s2 += a[ao + j + 2] * b[bo + j + 2];
            s3 += a[ao + j + 3] * b[bo + j + 3];
        }
        for (; j < d; j++) {
            s0 += a[ao + j] * b[bo + j];
        }
        return (s0 + s1) + (s2 + s3);
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

package org.ll4al.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The one seeded sampler of the suite: the random subset of the unlabeled pool that a cycle
 * scores (paper: 10,000; the samples not picked stay in the pool for later cycles), the initial
 * set, ISAL's reference set, the pool and evaluation limits of every task ({@link #limit}), and
 * the order of training batches ({@link #shuffle}).
 */
public final class SubsetSampler {

    private SubsetSampler() {}

    /**
     * Returns {@code size} distinct ids drawn uniformly from {@code unlabeled} (all of them,
     * sorted, when the pool is not larger than {@code size}). The result depends only on the
     * set of ids, the size and the random source.
     */
    public static int[] draw(int[] unlabeled, int size, Random rng) {
        if (size <= 0) {
            throw new IllegalArgumentException("subset size must be positive, got " + size);
        }
        int[] ids = unlabeled.clone();
        Arrays.sort(ids);
        if (ids.length <= size) {
            return ids;
        }
        for (int i = 0; i < size; i++) {
            int j = i + rng.nextInt(ids.length - i);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        return Arrays.copyOf(ids, size);
    }

    /**
     * A task's pool or evaluation limit: all of {@code 0..n-1} when {@code limit <= 0} or
     * {@code limit >= n}, else {@link #draw} of {@code limit} of them with {@code new Random(seed)},
     * in increasing order.
     */
    public static int[] limit(int n, int limit, long seed) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        if (limit <= 0 || limit >= n) {
            return all;
        }
        int[] picked = draw(all, limit, new Random(seed));
        Arrays.sort(picked);
        return picked;
    }

    /** {@link #limit(int, int, long)} of a list: the kept elements, in their original order. */
    public static <T> List<T> limit(List<T> all, int limit, long seed) {
        if (limit <= 0 || limit >= all.size()) {
            return all;
        }
        List<T> out = new ArrayList<>(limit);
        for (int i : limit(all.size(), limit, seed)) {
            out.add(all.get(i));
        }
        return out;
    }

    /** Shuffles {@code a} in place (Fisher-Yates from the end, as {@code Collections.shuffle}). */
    public static void shuffle(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}

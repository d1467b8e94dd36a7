package org.ll4al.selection;

import java.util.Arrays;
import java.util.Random;

/**
 * Draws the random subset of the unlabeled pool that a cycle scores (paper: 10,000); the
 * samples not picked stay in the pool for later cycles.
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
}

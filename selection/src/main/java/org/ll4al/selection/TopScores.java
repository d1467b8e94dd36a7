package org.ll4al.selection;

import java.util.Arrays;
import java.util.Comparator;

/** Picks the ids with the highest scores; ties go to the smaller dataset id (deterministic). */
final class TopScores {

    private TopScores() {}

    /**
     * Returns the {@code budget} ids of {@code pool} with the highest {@code scores}.
     *
     * @param sign +1 to pick the highest values, -1 to pick the lowest
     */
    static Selection pick(PoolView pool, float[] scores, int budget, int sign) {
        checkBudget(pool, budget);
        int[] ids = pool.ids();
        for (float v : scores) {
            if (Float.isNaN(v)) {
                throw new IllegalArgumentException("a score is NaN; the task produced an invalid signal");
            }
        }
        Integer[] order = new Integer[ids.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                Comparator.<Integer>comparingDouble(i -> -sign * (double) scores[i])
                        .thenComparingInt(i -> ids[i]));
        int[] picked = new int[budget];
        double[] picks = new double[budget];
        for (int k = 0; k < budget; k++) {
            picked[k] = ids[order[k]];
            picks[k] = scores[order[k]];
        }
        return new Selection(picked, picks);
    }

    static void checkBudget(PoolView pool, int budget) {
        if (budget <= 0 || budget > pool.size()) {
            throw new IllegalArgumentException(
                    "budget " + budget + " must be in 1.." + pool.size() + " (the scored subset)");
        }
    }
}

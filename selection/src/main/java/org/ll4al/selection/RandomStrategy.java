package org.ll4al.selection;

import java.util.Arrays;
import java.util.Random;
import java.util.Set;

/** {@code random}: labels a uniformly random part of the subset (the paper's baseline). */
public final class RandomStrategy implements SelectionStrategy {

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String description() {
        return "uniformly random (the paper's baseline)";
    }

    @Override
    public Set<Signal> requiredSignals() {
        return Set.of();
    }

    @Override
    public Selection select(PoolView pool, int budget, Random rng) {
        TopScores.checkBudget(pool, budget);
        int[] ids = pool.ids().clone();
        Arrays.sort(ids); // independent of the order the subset came in
        for (int i = 0; i < budget; i++) { // partial Fisher-Yates
            int j = i + rng.nextInt(ids.length - i);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        double[] scores = new double[budget];
        Arrays.fill(scores, Double.NaN);
        return new Selection(Arrays.copyOf(ids, budget), scores);
    }
}

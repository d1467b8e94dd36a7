package org.ll4al.selection;

import java.util.Random;
import java.util.Set;

/** Base of the strategies that rank the subset by one scalar signal. */
abstract class ScoreStrategy implements SelectionStrategy {

    private final String name;
    private final Signal signal;
    private final int sign;
    private final String description;

    ScoreStrategy(String name, Signal signal, boolean highestFirst, String description) {
        this.name = name;
        this.description = description;
        this.signal = signal;
        this.sign = highestFirst ? 1 : -1;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Set<Signal> requiredSignals() {
        return Set.of(signal);
    }

    @Override
    public Selection select(PoolView pool, int budget, Random rng) {
        return TopScores.pick(pool, pool.scores(signal), budget, sign);
    }
}

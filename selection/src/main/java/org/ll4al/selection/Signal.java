package org.ll4al.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A per-sample quantity a task computes on the scored subset for strategies to rank by. The set
 * is open: a new strategy declares its own signal with {@link #scalar} or {@link #vector} and
 * registers how it is computed with the training engine's {@code SignalProviders}. Signals
 * compare by the order they were declared in, as the constants below are listed.
 */
public final class Signal implements Comparable<Signal> {

    private static final AtomicInteger DECLARED = new AtomicInteger();
    private static final List<Signal> BUILT_IN = new ArrayList<>();

    /** Entropy of the task's posterior (higher = more uncertain). */
    public static final Signal ENTROPY = builtIn("ENTROPY", false);
    /** Difference of the two highest class posteriors (lower = more uncertain). */
    public static final Signal MARGIN = builtIn("MARGIN", false);
    /** One minus the highest class posterior (higher = more uncertain). */
    public static final Signal LEAST_CONFIDENCE = builtIn("LEAST_CONFIDENCE", false);
    /** The task's per-sample loss computed with the real labels (for the {@code true-loss} control and diagnostics). */
    public static final Signal TRUE_LOSS = builtIn("TRUE_LOSS", false);
    /** Output of the loss prediction module. */
    public static final Signal PREDICTED_LOSS = builtIn("PREDICTED_LOSS", false);
    /** Feature vector used by core-set; also needed for the labeled set. */
    public static final Signal EMBEDDING = builtIn("EMBEDDING", true);
    /**
     * Mutual information between the prediction and the weights over T MC-dropout passes
     * (BALD): H[mean_t p_t] - mean_t H[p_t], per sample (higher = more disagreement).
     */
    public static final Signal BALD = builtIn("BALD", false);
    /** Mean KL divergence of the committee members' posteriors from their consensus (higher = more disagreement). */
    public static final Signal COMMITTEE_DISAGREEMENT = builtIn("COMMITTEE_DISAGREEMENT", false);
    /** BADGE gradient embedding (p - e_yhat) (outer) h, one vector per sample. */
    public static final Signal GRADIENT_EMBEDDING = builtIn("GRADIENT_EMBEDDING", true);
    /** ISAL influence -grad L(R)^T H^-1 G_z on the reference set's loss (lower = more helpful). */
    public static final Signal INFLUENCE = builtIn("INFLUENCE", false);

    private final String name;
    private final boolean vector;
    private final int order;

    private Signal(String name, boolean vector) {
        this.name = name;
        this.vector = vector;
        this.order = DECLARED.getAndIncrement();
    }

    private static Signal builtIn(String name, boolean vector) {
        Signal s = new Signal(name, vector);
        BUILT_IN.add(s);
        return s;
    }

    /** A new signal with one value per sample, e.g. a strategy's own score. */
    public static Signal scalar(String name) {
        return new Signal(name, false);
    }

    /** A new signal with one vector per sample. */
    public static Signal vector(String name) {
        return new Signal(name, true);
    }

    /** The built-in signals, in declaration order. */
    public static List<Signal> builtIns() {
        return List.copyOf(BUILT_IN);
    }

    /** The name, upper case with underscores (as {@code TRUE_LOSS}). */
    public String name() {
        return name;
    }

    /** Whether the signal is a vector per sample (read with {@link PoolView#vectors}) rather than a scalar. */
    public boolean isVector() {
        return vector;
    }

    @Override
    public int compareTo(Signal o) {
        return Integer.compare(order, o.order);
    }

    @Override
    public String toString() {
        return name;
    }
}

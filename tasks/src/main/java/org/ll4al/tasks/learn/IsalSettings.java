package org.ll4al.tasks.learn;

/**
 * The settings of the {@code isal} strategy (the reference code's defaults in parentheses).
 *
 * @param damping LiSSA damping (0.01)
 * @param scale LiSSA scale (1e4 for classification)
 * @param depth LiSSA recursion depth, one training sample per step (250)
 * @param chains LiSSA chains averaged (4)
 * @param topK pseudo-labels in the expected gradient (1 = argmax, the shipped CIFAR pipeline; the paper: 10)
 * @param step finite-difference step relative to the norm of the parameters differentiated
 * @param lastLayer only the target's last weight tensor (cheap) instead of every conv/linear weight (the reference)
 * @param referenceSize size of the reference set R
 * @param referenceFromEval R = the first {@code referenceSize} evaluation samples (the reference code's
 *     choice, which reads the test labels) instead of a seeded set of pool samples
 */
public record IsalSettings(double damping, double scale, int depth, int chains, int topK, double step,
        boolean lastLayer, int referenceSize, boolean referenceFromEval) {

    /** The reference code's choices, R from the pool. */
    public static final IsalSettings DEFAULTS = new IsalSettings(0.01, 1e4, 250, 4, 1, 1e-3, false, 1000, false);
}

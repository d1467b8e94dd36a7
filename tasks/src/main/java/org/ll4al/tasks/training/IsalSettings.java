package org.ll4al.tasks.training;

import java.util.List;
import org.ll4al.options.Option;
import org.ll4al.options.Settings;

/**
 * The settings of the {@code isal} strategy (the reference code's defaults in parentheses); its
 * options are declared here ({@link #OPTIONS}).
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
public record IsalSettings(
        double damping,
        double scale,
        int depth,
        int chains,
        int topK,
        double step,
        boolean lastLayer,
        int referenceSize,
        boolean referenceFromEval) {

    /** The reference code's choices, R from the pool. */
    public static final IsalSettings DEFAULTS = new IsalSettings(0.01, 1e4, 250, 4, 1, 1e-3, false, 1000, false);

    public static final Option<Float> DAMPING =
            Option.real("isalDamping", 0, 1, false, "0.01", "isal: LiSSA damping (reference code: 0.01)");
    public static final Option<Float> SCALE =
            Option.positive("isalScale", "10000", "isal: LiSSA scale (reference code: 1e4)");
    public static final Option<Integer> DEPTH = Option.integer(
            "isalDepth", 1, "250", "isal: LiSSA recursion depth, one labeled sample per step (reference code: 250)");
    public static final Option<Integer> CHAINS =
            Option.integer("isalChains", 1, "4", "isal: LiSSA chains averaged (reference code: 4)");
    public static final Option<Integer> TOP_K = Option.integer(
            "isalTopK",
            1,
            "1",
            "isal: pseudo-labels in the expected gradient (1 = argmax as the CIFAR code; paper: 10)");
    public static final Option<String> PARAMS = Option.oneOf(
            "isalParams",
            "all",
            "isal: all (every conv/linear weight, the reference) | last (last weight tensor, cheap)",
            "all",
            "last");
    public static final Option<Integer> REFERENCE =
            Option.integer("isalReference", 1, "1000", "isal: size of the labeled reference set R");
    public static final Option<String> REFERENCE_SET = Option.oneOf(
            "isalReferenceSet",
            "pool",
            "isal: pool (R held out of the pool, seeded; its labels are read) | eval"
                    + " (the evaluation set, as the reference code: reads test labels)",
            "pool",
            "eval");
    public static final Option<Float> STEP =
            Option.positive("isalStep", "0.001", "isal: finite-difference step relative to the norm of the weights");

    /** The options of ISAL, in help order. */
    public static final List<Option<?>> OPTIONS =
            List.of(DAMPING, SCALE, DEPTH, CHAINS, TOP_K, PARAMS, REFERENCE, REFERENCE_SET, STEP);

    /** The settings of parsed options that hold {@link #OPTIONS}. */
    public static IsalSettings of(Settings s) {
        return new IsalSettings(
                s.get(DAMPING),
                s.get(SCALE),
                s.get(DEPTH),
                s.get(CHAINS),
                s.get(TOP_K),
                s.get(STEP),
                s.get(PARAMS).equals("last"),
                s.get(REFERENCE),
                s.get(REFERENCE_SET).equals("eval"));
    }
}

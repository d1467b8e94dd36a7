package org.ll4al.harness.options;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ll4al.options.Option;

/** The benchmark's own options ({@code -Dbench*}), read by the {@code bench} package. */
public final class BenchOptions {

    /** {@code -DbenchCompare}: side by side with the Python reference. */
    public static final Option<String> COMPARE = Option.oneOf(
                    "benchCompare",
                    "",
                    "bench: pytorch (the Python reference:"
                            + " PyTorch for classification, numpy for coreset; numpy is accepted for coreset too) or empty",
                    "",
                    "pytorch",
                    "numpy")
            .session();

    public static final Option<Integer> ROUNDS =
            Option.integer("benchRounds", 1, "5", "bench: timed rounds").session();
    public static final Option<Integer> N =
            Option.integer("benchN", 1, "10000", "bench coreset: pool points").session();
    public static final Option<Integer> DIM = Option.integer("benchDim", 1, "512", "bench coreset: feature dimension")
            .session();
    public static final Option<Integer> PICK = Option.integer("benchPick", 1, "1000", "bench coreset: points picked")
            .session();
    public static final Option<Integer> IMAGES = Option.integer(
                    "benchImages",
                    1,
                    "1024",
                    "bench: images timed by a task benchmark; strategies: at most this many of the subset (default all)")
            .session();

    public static final Option<Optional<Path>> PROFILE = Option.path(
                    "benchProfile",
                    "",
                    "bench: a task benchmark also profiles one scoring pass per operator (libtorch's profiler) and writes"
                            + " its Chrome trace to this file")
            .session();

    public static final Option<Boolean> REFERENCE_FOLD = Option.bool(
                    "benchReferenceFold",
                    "false",
                    "bench classification with -DbenchCompare=pytorch: the reference also scores with batch norm folded into"
                            + " the convolutions, as DJL's scoring does (false: plain eager modules, as reference AL code scores)")
            .session();

    public static final Option<String> REFERENCE_GRAD_MODE = Option.oneOf(
                    "benchReferenceGradMode",
                    "inference",
                    "bench classification with -DbenchCompare=pytorch: the reference scores under torch.inference_mode"
                            + " (inference, the fastest PyTorch offers) or torch.no_grad (no_grad: what DJL's scoring does,"
                            + " grad mode off, DJL 0.36 has no inference mode for eager blocks)",
                    "inference",
                    "no_grad")
            .session();

    public static final Option<String> PHASES = Option.oneOf(
                    "benchPhases",
                    "all",
                    "bench classification with -DbenchCompare=pytorch: what each round times on both sides: all (a training"
                            + " epoch and a scoring pass), training, or inference (cheaper rounds, so more of them in the"
                            + " same time); the warm-up always runs both",
                    "all",
                    "training",
                    "inference")
            .session();

    public static final Option<String> PYTHON = Option.text(
                    "benchPython",
                    "",
                    "bench with -DbenchCompare: the Python interpreter of the reference (empty: /usr/bin/python3, then python3"
                            + " on the PATH, the first that has the module)")
            .session();

    public static final Option<String> SCRIPTS = Option.text(
                    "benchScripts",
                    "",
                    "bench with -DbenchCompare: the folder holding the reference scripts (empty: scripts/bench/ of the working"
                            + " folder or of a folder above it)")
            .session();

    /** The benchmark's own options. */
    public static final List<Option<?>> OPTIONS = List.of(
            COMPARE,
            ROUNDS,
            N,
            DIM,
            PICK,
            IMAGES,
            PROFILE,
            REFERENCE_FOLD,
            REFERENCE_GRAD_MODE,
            PHASES,
            PYTHON,
            SCRIPTS);

    private BenchOptions() {}
}

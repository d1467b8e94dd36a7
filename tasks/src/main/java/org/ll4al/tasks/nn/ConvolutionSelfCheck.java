package org.ll4al.tasks.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BinaryOperator;
import org.ll4al.options.Option;
import org.ll4al.options.OptionException;

/**
 * Checks once per process whether the engine's 2-d convolution is correct for channel counts
 * that are not multiples of 16, against {@link NaiveConvolution}: output and input gradient of
 * 3x3 convolutions with 24 input / 16 output, 16 / 24 and 8 / 4 channels.
 *
 * <p>Why: libtorch 2.7.1's oneDNN (3.7.1) was seen on a 2-core AMD EPYC virtual machine (CPU
 * family 26, AVX-512) to return wrong outputs for 3x3 convolutions whose input channels are not a
 * multiple of 16, and wrong or NaN input gradients when the output channels are not, while
 * multiples of 16 were exact (2026-12-04; PyTorch 1.13's oneDNN on the same machine was correct).
 * Training then turns to NaN or learns from corrupted gradients. Where the check fails,
 * {@link GuardedConv2d} pads channels to multiples of 16 with zeros, which the same kernels
 * compute correctly. {@code -Dll4al.convGuard=auto} (default) checks, {@code on} always pads,
 * {@code off} never does.
 */
public final class ConvolutionSelfCheck {

    /**
     * {@code -Dll4al.convGuard}: the guard, a JVM-wide system property (a supervised run passes it
     * to its child JVM): auto (checks once, pads where the check fails), on or off.
     */
    public static final Option<String> OPTION = Option.of(
                    "ll4al.convGuard",
                    "auto",
                    "engine: convolutions pad channels to multiples of 16 where oneDNN computes others wrongly: auto (a"
                            + " self-check decides, once per JVM), on (always pad), off (never; docs/reliability.md)",
                    "auto, on or off",
                    s -> {
                        String mode = s.trim().toLowerCase(Locale.ROOT);
                        return mode.isEmpty()
                                ? "auto"
                                : List.of("auto", "on", "off").contains(mode) ? mode : null;
                    })
            .session();

    /** The system property choosing the guard: auto, on or off. */
    public static final String PROPERTY = OPTION.name();

    /** Largest |engine − reference| accepted (outputs and gradients are O(1)). */
    static final double TOLERANCE = 1e-3;

    /** {input channels, output channels, spatial size} of the convolutions checked (3x3, pad 1). */
    private static final int[][] CASES = {{24, 16, 12}, {16, 24, 16}, {8, 4, 16}};

    /** The engine's own convolution in the check's geometry: 3x3, stride 1, padding 1, no bias. */
    static final BinaryOperator<NDArray> ENGINE =
            (x, w) -> Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
                    .singletonOrThrow();

    private ConvolutionSelfCheck() {}

    /** Whether {@link GuardedConv2d} pads channels in this process (with {@code auto}, the check runs on first call). */
    public static boolean padsChannels() {
        return switch (mode()) {
            case "on" -> true;
            case "off" -> false;
            default -> Holder.FINDING != null;
        };
    }

    /** What the check found on this engine: null when correct, or not run ({@code on} / {@code off}). */
    public static String finding() {
        return "auto".equals(mode()) ? Holder.FINDING : null;
    }

    /**
     * The guard's mode from {@code -Dll4al.convGuard}: auto (also when unset), on or off.
     *
     * @throws OptionException for any other value
     */
    public static String mode() {
        return OPTION.parse(System.getProperty(PROPERTY, OPTION.defaultValue()));
    }

    /** The check's finding, computed once per process on first use. */
    private static final class Holder {
        static final String FINDING = defect(ENGINE);

        static {
            if (FINDING != null) {
                System.err.println("ll4al: " + FINDING + "; convolutions pad their channels to multiples of 16 in"
                        + " this process (-D" + PROPERTY + "=off turns this off)");
            }
        }
    }

    /**
     * Runs {@code conv} (input, weight → output; 3x3, stride 1, padding 1 expected) on the check's
     * cases and compares output and input gradient with {@link NaiveConvolution}.
     *
     * @return null when every case matches, else what differed
     */
    public static String defect(BinaryOperator<NDArray> conv) {
        Random rng = new Random(11);
        try (NDManager m = NDManager.newBaseManager()) {
            for (int[] c : CASES) {
                NaiveConvolution ref = new NaiveConvolution(2, c[0], c[2], c[2], c[1], 3, 1, 1, 1);
                float[] x = gaussian(rng, 2 * c[0] * c[2] * c[2], 1);
                float[] w = gaussian(rng, c[1] * c[0] * 9, 0.2);
                float[] g = gaussian(rng, 2 * c[1] * ref.outH() * ref.outW(), 1);
                double[] dx = new double[x.length];
                double[] y = ref.run(x, w, g, dx);
                try (NDManager s = m.newSubManager()) {
                    NDArray xa = s.create(x, new Shape(2, c[0], c[2], c[2]));
                    NDArray wa = s.create(w, new Shape(c[1], c[0], 3, 3));
                    xa.setRequiresGradient(true);
                    NDArray ya;
                    try (GradientCollector gc = collector()) {
                        ya = conv.apply(xa, wa);
                        Shape expected = new Shape(2, c[1], ref.outH(), ref.outW());
                        if (!expected.equals(ya.getShape())) {
                            throw new IllegalArgumentException("the convolution checked returned shape " + ya.getShape()
                                    + ", expected " + expected + " (3x3, stride 1, padding 1)");
                        }
                        gc.backward(ya.mul(s.create(g, ya.getShape())).sum());
                    }
                    double ey = maxError(ya.toFloatArray(), y);
                    double ed = maxError(xa.getGradient().toFloatArray(), dx);
                    if (!(ey <= TOLERANCE) || !(ed <= TOLERANCE)) {
                        return String.format(
                                Locale.ROOT,
                                "the engine's 3x3 convolution with %d input and %d output"
                                        + " channels is wrong on this machine (largest error: output %.3g, input gradient %.3g)",
                                c[0],
                                c[1],
                                ey,
                                ed);
                    }
                }
            }
        }
        return null;
    }

    private static GradientCollector collector() {
        try {
            return Engine.getInstance().newGradientCollector();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "the convolution self-check runs before the first training step (a"
                            + " GuardedConv2d's constructor runs it); it was first asked inside one: " + e.getMessage(),
                    e);
        }
    }

    /** Largest absolute difference; NaN when either side has a non-finite value. */
    static double maxError(float[] engine, double[] reference) {
        double e = 0;
        for (int i = 0; i < engine.length; i++) {
            double d = Math.abs(engine[i] - reference[i]);
            if (!Double.isFinite(d)) {
                return Double.NaN;
            }
            e = Math.max(e, d);
        }
        return e;
    }

    private static float[] gaussian(Random rng, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (scale * rng.nextGaussian());
        }
        return v;
    }
}

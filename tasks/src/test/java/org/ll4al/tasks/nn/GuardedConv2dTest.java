package org.ll4al.tasks.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ll4al.options.OptionException;

/**
 * The guarded convolution against a plain-loop reference on the convolution shapes the presets
 * build (odd channel counts, 1x1, 7x7 stride 2, dilation 6, SSD heads of 84 and 126 filters):
 * output and input gradient must match whether or not this machine's engine needs the guard; and
 * the self-check must flag a convolution that is off.
 */
class GuardedConv2dTest {

    /** {ic, oc, kernel, stride, pad, dilation, spatial size, bias (1/0)}. */
    private static final int[][] SHAPES = {
        {3, 16, 3, 1, 1, 1, 16, 0}, // ResNet stem
        {8, 8, 3, 1, 1, 1, 16, 0}, // smoke-width ResNet stage 1
        {8, 16, 3, 2, 1, 1, 16, 0},
        {16, 8, 1, 1, 0, 1, 8, 0},
        {24, 24, 3, 1, 1, 1, 12, 1},
        {24, 84, 3, 1, 1, 1, 8, 1}, // SSD confidence head, 4 boxes x 21 classes
        {32, 126, 3, 1, 1, 1, 4, 1}, // 6 boxes x 21 classes
        {16, 24, 3, 1, 1, 1, 8, 1}, // SSD location head, 6 boxes x 4
        {40, 40, 3, 1, 6, 6, 12, 1}, // SSD conv6, dilated
        {3, 16, 7, 2, 3, 1, 16, 1}, // hourglass stem
        {20, 12, 1, 1, 0, 1, 8, 1},
    };

    @Test
    void guardedConvolutionMatchesThePlainLoopReferenceOnThePresetsShapes() {
        ConvolutionSelfCheck.padsChannels(); // as building a network does, before any gradient collector opens
        Random rng = new Random(5);
        try (NDManager m = NDManager.newBaseManager()) {
            for (int[] c : SHAPES) {
                NaiveConvolution ref = new NaiveConvolution(2, c[0], c[6], c[6], c[1], c[2], c[3], c[4], c[5]);
                float[] x = gaussian(rng, 2 * c[0] * c[6] * c[6]);
                float[] w = gaussian(rng, c[1] * c[0] * c[2] * c[2]);
                float[] b = gaussian(rng, c[1]);
                float[] g = gaussian(rng, 2 * c[1] * ref.outH() * ref.outW());
                double[] dx = new double[x.length];
                double[] y = ref.run(x, w, g, dx);
                if (c[7] == 1) {
                    int plane = ref.outH() * ref.outW();
                    for (int i = 0; i < y.length; i++) {
                        y[i] += b[(i / plane) % c[1]];
                    }
                }
                try (NDManager s = m.newSubManager()) {
                    NDArray xa = s.create(x, new Shape(2, c[0], c[6], c[6]));
                    NDArray wa = m.create(w, new Shape(c[1], c[0], c[2], c[2]));
                    NDArray ba = c[7] == 1 ? m.create(b) : null;
                    xa.setRequiresGradient(true);
                    wa.setRequiresGradient(true);
                    NDArray ya;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        ya = GuardedConv2d.guardedConv2d(
                                xa, wa, ba, new Shape(c[3], c[3]), new Shape(c[4], c[4]), new Shape(c[5], c[5]), 1);
                        gc.backward(ya.mul(s.create(g, ya.getShape())).sum());
                    }
                    String shape = Arrays.toString(c);
                    assertEquals(new Shape(2, c[1], ref.outH(), ref.outW()), ya.getShape(), shape);
                    assertTrue(ConvolutionSelfCheck.maxError(ya.toFloatArray(), y) <= 1e-3, "output of " + shape);
                    assertTrue(
                            ConvolutionSelfCheck.maxError(xa.getGradient().toFloatArray(), dx) <= 1e-3,
                            "input gradient of " + shape);
                    assertEquals(c[1] * c[0] * c[2] * c[2], wa.getGradient().size(), "the weight gets its gradient");
                    assertSame(m, wa.getManager(), "the weight returns to its own manager");
                    wa.close();
                    if (ba != null) {
                        ba.close();
                    }
                }
            }
        }
    }

    @Test
    void selfCheckFlagsAConvolutionThatIsOffAndPassesTheGuardedOne() {
        String off = ConvolutionSelfCheck.defect(
                (x, w) -> Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
                        .singletonOrThrow()
                        .add(0.01f));
        assertNotNull(off, "an output off by 0.01 is flagged");
        assertTrue(off.contains("input and"), off);
        String zeroGrad = ConvolutionSelfCheck.defect(
                (x, w) -> Conv2d.conv2d(x.stopGradient(), w, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
                        .singletonOrThrow()
                        .add(x.sum().mul(0)));
        assertNotNull(zeroGrad, "a wrong (zero) input gradient is flagged");
        assertNull(
                ConvolutionSelfCheck.defect((x, w) ->
                        GuardedConv2d.guardedConv2d(x, w, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)),
                "the guarded convolution passes on this machine ("
                        + (ConvolutionSelfCheck.padsChannels()
                                ? "padding: " + ConvolutionSelfCheck.finding()
                                : "not padding")
                        + ")");
    }

    @Test
    void theCheckRunsTheEnginesConvolutionInTheReferencesGeometry() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ConvolutionSelfCheck.defect((x, w) -> Conv2d.conv2d(x, w).singletonOrThrow()));
        assertTrue(e.getMessage().contains("expected (2, 16, 12, 12)"), "unpadded 3x3 is refused: " + e.getMessage());
        assertEquals(
                ConvolutionSelfCheck.finding() != null,
                ConvolutionSelfCheck.defect(ConvolutionSelfCheck.ENGINE) != null,
                "the process's finding is the check of the engine's own convolution");
    }

    @Test
    void aBadGuardModeIsOneClearOptionError() {
        String before = System.getProperty(ConvolutionSelfCheck.PROPERTY);
        try {
            System.setProperty(ConvolutionSelfCheck.PROPERTY, "maybe");
            OptionException e = assertThrows(OptionException.class, ConvolutionSelfCheck::padsChannels);
            assertTrue(
                    e.getMessage().contains("ll4al.convGuard='maybe'")
                            && e.getMessage().contains("auto, on or off"),
                    e.getMessage());
            System.setProperty(ConvolutionSelfCheck.PROPERTY, " ON ");
            assertTrue(ConvolutionSelfCheck.padsChannels());
            assertNull(ConvolutionSelfCheck.finding(), "with the guard forced on the check is not consulted");
            System.setProperty(ConvolutionSelfCheck.PROPERTY, "off");
            assertFalse(ConvolutionSelfCheck.padsChannels());
        } finally {
            if (before == null) {
                System.clearProperty(ConvolutionSelfCheck.PROPERTY);
            } else {
                System.setProperty(ConvolutionSelfCheck.PROPERTY, before);
            }
        }
    }

    private static float[] gaussian(Random rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (0.3 * rng.nextGaussian());
        }
        return v;
    }
}

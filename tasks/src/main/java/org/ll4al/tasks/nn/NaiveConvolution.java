package org.ll4al.tasks.nn;

import java.util.Arrays;

/**
 * A plain-loop 2-d convolution (NCHW, groups 1, zero padding) in double precision: its output and
 * the gradient of {@code sum(output * g)} with respect to its input. The independent reference
 * that {@link ConvolutionSelfCheck} and the tests hold the engine's convolution against.
 *
 * @param n batch
 * @param ic input channels
 * @param h input height
 * @param w input width
 * @param oc output channels
 * @param k kernel size (square)
 * @param stride stride
 * @param pad zero padding on each side
 * @param dilation dilation
 */
public record NaiveConvolution(int n, int ic, int h, int w, int oc, int k, int stride, int pad, int dilation) {

    /** Output height. */
    public int outH() {
        return (h + 2 * pad - dilation * (k - 1) - 1) / stride + 1;
    }

    /** Output width. */
    public int outW() {
        return (w + 2 * pad - dilation * (k - 1) - 1) / stride + 1;
    }

    /**
     * The output for input {@code x} (n·ic·h·w) and weights {@code wt} (oc·ic·k·k), and into
     * {@code dx} (n·ic·h·w, overwritten) the input gradient for output gradient {@code g}
     * (n·oc·outH·outW); {@code g} may be null when only the output is wanted.
     */
    public double[] run(float[] x, float[] wt, float[] g, double[] dx) {
        int oh = outH();
        int ow = outW();
        double[] y = new double[n * oc * oh * ow];
        if (dx != null) {
            Arrays.fill(dx, 0);
        }
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < oc; o++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        int yi = ((b * oc + o) * oh + i) * ow + j;
                        double acc = 0;
                        for (int c = 0; c < ic; c++) {
                            for (int u = 0; u < k; u++) {
                                int ii = i * stride + u * dilation - pad;
                                if (ii < 0 || ii >= h) {
                                    continue;
                                }
                                for (int v = 0; v < k; v++) {
                                    int jj = j * stride + v * dilation - pad;
                                    if (jj < 0 || jj >= w) {
                                        continue;
                                    }
                                    int xi = ((b * ic + c) * h + ii) * w + jj;
                                    double wv = wt[((o * ic + c) * k + u) * k + v];
                                    acc += wv * x[xi];
                                    if (g != null && dx != null) {
                                        dx[xi] += wv * g[yi];
                                    }
                                }
                            }
                        }
                        y[yi] = acc;
                    }
                }
            }
        }
        return y;
    }
}

package org.ll4al.tasks.detection;

/**
 * The sizes of an SSD variant: channel widths (SSD300's times {@code width}, at least 8), the six
 * source-map sizes for an input side, the fc6 dilation (6 at SSD300's 19x19 conv5, scaled with
 * the map) and whether the last two extra layers can use SSD300's unpadded 3x3 convolutions
 * (maps of at least 3) or fall back to padded stride-2 ones (smaller inputs).
 *
 * @param imageSize input side in pixels
 * @param width channel multiplier (1 = SSD300-VGG16)
 */
public record SsdLayout(int imageSize, double width) {

    /** SSD300 VGG channels: conv1..conv5, fc6/fc7. */
    static final int[] BASE = {64, 128, 256, 512, 512, 1024};
    /** Extra layers: (1x1 channels, 3x3 channels) x 4. */
    static final int[][] EXTRA = {{256, 512}, {128, 256}, {128, 256}, {128, 256}};

    /** A channel count scaled by the width multiplier. */
    public int ch(int c) {
        return Math.max(8, (int) Math.round(c * width));
    }

    /** Channels of the six source maps. */
    public int[] sourceChannels() {
        return new int[] {ch(512), ch(1024), ch(512), ch(256), ch(256), ch(256)};
    }

    private static int ceilHalf(int n) {
        return (n + 1) / 2;
    }

    private static int stride2(int n) {
        return (n - 1) / 2 + 1;
    }

    /** Side of conv5 / fc7 (1/16 of the input, ceil pooling). */
    public int conv5Size() {
        return ceilHalf(conv4Size());
    }

    /** Side of conv4_3 (1/8 of the input, ceil pooling). */
    public int conv4Size() {
        return ceilHalf(ceilHalf(ceilHalf(imageSize)));
    }

    /** fc6 dilation. */
    public int dilation() {
        return Math.max(1, Math.min(6, (int) Math.round(6.0 * conv5Size() / 19)));
    }

    /** Whether extra layer {@code k} (0..3) uses an unpadded stride-1 3x3 convolution. */
    public boolean unpadded(int k) {
        return k >= 2 && sizeBeforeExtra(k) >= 3;
    }

    private int sizeBeforeExtra(int k) {
        int n = conv5Size();
        for (int i = 0; i < k; i++) {
            n = extraOut(i, n);
        }
        return n;
    }

    private int extraOut(int k, int n) {
        return k >= 2 && n >= 3 ? n - 2 : stride2(n);
    }

    /** The six source-map sides. */
    public int[] featureSizes() {
        int[] f = new int[6];
        f[0] = conv4Size();
        f[1] = conv5Size();
        int n = f[1];
        for (int k = 0; k < 4; k++) {
            n = extraOut(k, n);
            f[k + 2] = n;
        }
        return f;
    }
}

package org.ll4al.tasks.classification;

import java.util.Random;

/**
 * Turns CIFAR images into normalised CHW floats, with the reference training augmentation:
 * random 32x32 crop of the image zero-padded by 4 pixels, random horizontal flip.
 */
final class CifarBatcher {

    private static final float[] MEAN = {0.4914f, 0.4822f, 0.4465f};
    private static final float[] STD = {0.2470f, 0.2435f, 0.2616f};
    private static final int S = 32;
    private static final int PAD = 4;

    private CifarBatcher() {}

    /**
     * Writes image {@code i} into {@code out} at {@code offset}; with {@code rng} non-null the
     * image is randomly cropped and flipped.
     */
    static void write(Cifar10 data, int i, float[] out, int offset, Random rng) {
        int dy = 0;
        int dx = 0;
        boolean flip = false;
        if (rng != null) {
            dy = rng.nextInt(2 * PAD + 1) - PAD;
            dx = rng.nextInt(2 * PAD + 1) - PAD;
            flip = rng.nextBoolean();
        }
        for (int c = 0; c < 3; c++) {
            float pad = (0f - MEAN[c]) / STD[c];
            for (int y = 0; y < S; y++) {
                int sy = y + dy;
                for (int x = 0; x < S; x++) {
                    int sx = (flip ? S - 1 - x : x) + dx;
                    float v;
                    if (sy < 0 || sy >= S || sx < 0 || sx >= S) {
                        v = pad;
                    } else {
                        v = (data.pixel(i, c * S * S + sy * S + sx) / 255f - MEAN[c]) / STD[c];
                    }
                    out[offset + c * S * S + y * S + x] = v;
                }
            }
        }
    }
}

package org.ll4al.tasks.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SsdAugmentationTest {

    private static final int S = 64;

    /** Black image with a white box over {@code box} (normalised). */
    private static byte[] image(float[] box) {
        byte[] px = new byte[S * S * 3];
        for (int y = 0; y < S; y++) {
            for (int x = 0; x < S; x++) {
                double u = (x + 0.5) / S;
                double v = (y + 0.5) / S;
                if (u > box[0] && u < box[2] && v > box[1] && v < box[3]) {
                    for (int c = 0; c < 3; c++) {
                        px[(y * S + x) * 3 + c] = (byte) 255;
                    }
                }
            }
        }
        return px;
    }

    @Test
    void flippingTwiceIsTheIdentity() {
        float[][] b = {{0.1f, 0.2f, 0.5f, 0.9f}};
        assertArrayEquals(new float[] {0.5f, 0.2f, 0.9f, 0.9f}, SsdAugmentation.flip(b)[0], 1e-6f);
        assertArrayEquals(b[0], SsdAugmentation.flip(SsdAugmentation.flip(b))[0], 1e-6f);
    }

    @Test
    void boxesFollowTheImageThroughExpandCropAndFlip() {
        float[] box = {0.3f, 0.25f, 0.7f, 0.75f};
        byte[] px = image(box);
        Random rng = new Random(42);
        int checked = 0;
        for (int trial = 0; trial < 60; trial++) {
            SsdAugmentation.Sample s = SsdAugmentation.geometric(
                    SsdAugmentation.plain(px, S, new float[][] {box}, new int[] {4}), S, rng, true);
            if (s.boxes().length == 0) {
                continue;
            }
            assertEquals(4, s.labels()[0]);
            float[] b = s.boxes()[0];
            assertTrue(b[0] >= 0 && b[2] <= 1 && b[0] < b[2] && b[1] < b[3], Arrays.toString(b));
            if ((b[2] - b[0]) * S < 6 || (b[3] - b[1]) * S < 6) {
                continue;
            }
            // the box centre is white, a pixel just outside the (unclipped) box is not
            int cx = (int) ((b[0] + b[2]) / 2 * S);
            int cy = (int) ((b[1] + b[3]) / 2 * S);
            assertEquals(255f, s.chw()[cy * S + cx], 1f, "trial " + trial);
            if (b[2] < 0.9f) {
                int ox = (int) (b[2] * S) + 2;
                assertTrue(s.chw()[cy * S + ox] < 200, "trial " + trial + " right of box");
            }
            if (b[0] > 0.1f) {
                int ox = (int) (b[0] * S) - 3;
                assertTrue(s.chw()[cy * S + ox] < 200, "trial " + trial + " left of box");
            }
            checked++;
        }
        assertTrue(checked > 30, "checked " + checked);
    }

    @Test
    void photometricDistortionKeepsPixelsInRange() {
        float[] chw = SsdAugmentation.plain(image(new float[] {0.2f, 0.2f, 0.6f, 0.6f}), S, new float[0][], new int[0])
                .chw();
        SsdAugmentation.photometric(chw, S, new Random(3));
        for (float v : chw) {
            assertTrue(v >= 0 && v <= 255);
        }
    }

    @Test
    void photoMirrorChangesColoursButKeepsOrFlipsTheBoxes() {
        float[] box = {0.1f, 0.2f, 0.5f, 0.9f};
        byte[] px = image(box);
        int changed = 0;
        for (int seed = 0; seed < 20; seed++) {
            SsdAugmentation.Sample m =
                    SsdAugmentation.mirror(px, S, new float[][] {box}, new int[] {2}, new Random(seed));
            SsdAugmentation.Sample p =
                    SsdAugmentation.photoMirror(px, S, new float[][] {box}, new int[] {2}, new Random(seed));
            // the same draw decides the flip: boxes and labels as mirror's
            assertArrayEquals(m.boxes()[0], p.boxes()[0], 0f);
            assertArrayEquals(new int[] {2}, p.labels());
            assertTrue(p.boxes()[0][0] == box[0] || p.boxes()[0][0] == 1 - box[2]);
            boolean differs = false;
            for (int i = 0; i < p.chw().length; i++) {
                assertTrue(p.chw()[i] >= 0 && p.chw()[i] <= 255);
                differs |= p.chw()[i] != m.chw()[i];
            }
            changed += differs ? 1 : 0;
        }
        // each of the three distortions is drawn with probability 1/2: 1/8 of the draws leave the colours
        assertTrue(changed >= 12, "colours changed in " + changed + " of 20 draws");
    }
}

package org.ll4al.tasks.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CropTransformTest {

    private static double[][] randomJoints(Random rng) {
        double[][] j = new double[MpiiJoints.COUNT][];
        for (int k = 0; k < j.length; k++) {
            j[k] = new double[] {100 + 600 * rng.nextDouble(), 50 + 400 * rng.nextDouble()};
        }
        return j;
    }

    @Test
    void transformThenInverseGivesBackTheJoints() {
        Random rng = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            double[][] joints = randomJoints(rng);
            float[] vis = new float[MpiiJoints.COUNT];
            for (int k = 0; k < vis.length; k++) {
                vis[k] = k % 3 == 0 ? 0 : 1;
            }
            float[] original = vis.clone();
            CropTransform t = new CropTransform(
                    400, 250, 0.75 + 3 * rng.nextDouble(), (2 * rng.nextDouble() - 1) * 30, rng.nextBoolean(), 256);
            double[][] crop = t.jointsToCrop(joints, vis);
            double[][] back = t.jointsToImage(crop, vis);
            for (int k = 0; k < joints.length; k++) {
                assertArrayEquals(joints[k], back[k], 1e-9, "joint " + k);
            }
            assertArrayEquals(original, vis);
        }
    }

    @Test
    void centreMapsToCropCentreAndBoxSideToResolution() {
        CropTransform t = new CropTransform(300, 200, 2.0, 0, false, 64);
        assertArrayEquals(new double[] {31.5, 31.5}, t.toCrop(300, 200), 1e-9);
        double[] right = t.toCrop(300 + 200, 200);
        assertEquals(31.5 + 32, right[0], 1e-9);
        CropTransform r = new CropTransform(300, 200, 2.0, 90, false, 64);
        double[] up = r.toCrop(300, 200 - 200);
        assertEquals(31.5 - 32, up[0], 1e-9, "90 degrees counter-clockwise turns 'up' to 'left'");
        assertEquals(31.5, up[1], 1e-9);
    }

    @Test
    void flipMirrorsAndSwapsLeftAndRight() {
        CropTransform plain = new CropTransform(300, 200, 1.5, 10, false, 64);
        CropTransform flipped = new CropTransform(300, 200, 1.5, 10, true, 64);
        double[][] joints = randomJoints(new Random(5));
        float[] vis = new float[MpiiJoints.COUNT];
        vis[0] = 1;
        double[][] a = plain.jointsToCrop(joints, null);
        double[][] b = flipped.jointsToCrop(joints, vis);
        for (int k = 0; k < MpiiJoints.COUNT; k++) {
            int m = MpiiJoints.mirrored(k);
            assertEquals(63 - a[m][0], b[k][0], 1e-9, "x of joint " + k);
            assertEquals(a[m][1], b[k][1], 1e-9, "y of joint " + k);
        }
        assertEquals(1f, vis[5], "r_ankle flag moved to l_ankle");
        assertEquals(0f, vis[0]);
    }

    @Test
    void flippingTwiceIsTheIdentity() {
        double[][] joints = randomJoints(new Random(9));
        float[] vis = new float[MpiiJoints.COUNT];
        for (int k = 0; k < vis.length; k++) {
            vis[k] = k;
        }
        CropTransform mirror = new CropTransform(31.5, 31.5, 64 / 200.0, 0, true, 64);
        double[][] once = mirror.jointsToCrop(joints, vis);
        assertEquals(joints[5][0], 63 - once[0][0], 1e-9);
        assertEquals(5f, vis[0]);
        double[][] twice = mirror.jointsToCrop(once, vis);
        for (int k = 0; k < joints.length; k++) {
            assertArrayEquals(joints[k], twice[k], 1e-9);
            assertEquals(k, vis[k]);
        }
    }

    @Test
    void heatmapCoordinatesRoundTrip() {
        assertEquals(1.5 / 4 - 0.5 + 0.5 / 4, CropTransform.cropToHeatmap(1.5, 256, 64), 1e-12);
        assertEquals(0.0, CropTransform.cropToHeatmap(1.5, 256, 64), 1e-12);
        for (double q = -3; q < 260; q += 7.3) {
            assertEquals(q, CropTransform.heatmapToCrop(CropTransform.cropToHeatmap(q, 256, 64), 256, 64), 1e-9);
        }
    }
}

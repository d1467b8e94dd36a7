package org.ll4al.tasks.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeatmapsTest {

    @Test
    void gaussianPeaksAtTheJoint() {
        int hm = 64;
        double[][] joints = new double[MpiiJoints.COUNT][];
        float[] w = new float[MpiiJoints.COUNT];
        for (int k = 0; k < joints.length; k++) {
            joints[k] = new double[] {3 + 3 * k, 60 - 2 * k};
            w[k] = 1;
        }
        joints[3] = new double[] {70, 10};
        w[4] = 0;
        float[] dst = new float[MpiiJoints.COUNT * hm * hm];
        Heatmaps.render(joints, w, hm, Heatmaps.sigma(hm), dst, 0);
        assertEquals(1.0, Heatmaps.sigma(64), 0);
        for (int k = 0; k < joints.length; k++) {
            int off = k * hm * hm;
            if (k == 3 || k == 4) {
                assertEquals(0f, w[k], "joint " + k + " outside or invisible gets weight 0");
                for (int i = 0; i < hm * hm; i++) {
                    assertEquals(0f, dst[off + i]);
                }
                continue;
            }
            int x = 3 + 3 * k;
            int y = 60 - 2 * k;
            assertEquals(1f, dst[off + y * hm + x], 1e-6);
            assertEquals((float) Math.exp(-0.5), dst[off + y * hm + x + 1], 1e-6);
            assertArrayEquals(new double[] {x, y}, Heatmaps.peak(dst, off, hm, hm), 0.26);
        }
    }

    @Test
    void peakIsRefinedTowardsTheHigherNeighbour() {
        int hm = 16;
        double[][] joints = new double[MpiiJoints.COUNT][];
        float[] w = new float[MpiiJoints.COUNT];
        for (int k = 0; k < joints.length; k++) {
            joints[k] = new double[] {7.3, 4.8};
            w[k] = 1;
        }
        float[] dst = new float[MpiiJoints.COUNT * hm * hm];
        Heatmaps.render(joints, w, hm, Heatmaps.sigma(hm), dst, 0);
        assertArrayEquals(new double[] {7.25, 4.75}, Heatmaps.peak(dst, 0, hm, hm), 1e-12);
        assertEquals(0.75, Heatmaps.sigma(16), 0);
    }
}

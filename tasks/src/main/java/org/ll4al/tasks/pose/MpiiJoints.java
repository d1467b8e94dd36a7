package org.ll4al.tasks.pose;

import java.util.List;

/** The 16 MPII joints in dataset order and the left/right pairs swapped by a horizontal flip. */
public final class MpiiJoints {

    /** Number of joints. */
    public static final int COUNT = 16;

    /** Joint names, index = MPII joint id. */
    public static final List<String> NAMES = List.of(
            "r_ankle",
            "r_knee",
            "r_hip",
            "l_hip",
            "l_knee",
            "l_ankle",
            "pelvis",
            "thorax",
            "upper_neck",
            "head_top",
            "r_wrist",
            "r_elbow",
            "r_shoulder",
            "l_shoulder",
            "l_elbow",
            "l_wrist");

    /** Left/right pairs (right index, left index). */
    public static final int[][] FLIP_PAIRS = {{0, 5}, {1, 4}, {2, 3}, {10, 15}, {11, 14}, {12, 13}};

    /** Index of the pelvis (left out of the MPII "PCKh total" mean). */
    public static final int PELVIS = 6;

    /** Index of the thorax (left out of the MPII "PCKh total" mean). */
    public static final int THORAX = 7;

    /** Index of the upper neck. */
    public static final int UPPER_NECK = 8;

    /** Index of the head top. */
    public static final int HEAD_TOP = 9;

    /** Index of the right hip (one end of the LSP torso). */
    public static final int R_HIP = 2;

    /** Index of the left shoulder (the other end of the LSP torso). */
    public static final int L_SHOULDER = 13;

    private static final int[] MIRROR = mirror();

    private MpiiJoints() {}

    private static int[] mirror() {
        int[] m = new int[COUNT];
        for (int i = 0; i < COUNT; i++) {
            m[i] = i;
        }
        for (int[] p : FLIP_PAIRS) {
            m[p[0]] = p[1];
            m[p[1]] = p[0];
        }
        return m;
    }

    /** The joint that joint {@code j} becomes after a horizontal flip. */
    public static int mirrored(int j) {
        return MIRROR[j];
    }

    /** Swaps the left/right pairs of per-joint rows (coordinates or flags), in place. */
    public static void swapPairs(double[][] joints, float[] vis) {
        for (int[] p : FLIP_PAIRS) {
            double[] t = joints[p[0]];
            joints[p[0]] = joints[p[1]];
            joints[p[1]] = t;
            if (vis != null) {
                float v = vis[p[0]];
                vis[p[0]] = vis[p[1]];
                vis[p[1]] = v;
            }
        }
    }
}

package org.ll4al.tasks.pose;

import java.util.Arrays;

/**
 * The person box (centre and MPII-like scale) of Leeds Sports Pose people, who come without one,
 * derived from the annotated joints as bearpaw/pytorch-pose's LSP preprocessing does
 * ({@code miscs/gen_lsp.m}, which is CPM's {@code genJSON.m} for LEEDS, and
 * {@code pose/datasets/lsp.py}):
 *
 * <ul>
 *   <li>centre: the middle of the bounding box of the visible joints (LSPe) or the image centre
 *       (LSP, whose images are cropped around the person);</li>
 *   <li>scale ({@code insertMPILikeScale}): for the 13 joint pairs of gen_lsp.m's parent table
 *       {@link #LIMBS} (written there for the MPII order less pelvis and thorax, its left-side pairs
 *       included as they are), {@code r(p)} = the median over people, with both pair {@code p} and
 *       the head segment (neck, head top) visible, of {@code |p| / |head|}; per person
 *       {@code d} = the 0.75 quantile (MATLAB's: Hazen plotting positions, NaN dropped) of
 *       {@code |p| / r(p)} over its visible pairs, a robust head-segment length; the scale is
 *       {@code d / 35} ("35 is a magic number to balance to MPI"), raised where needed to
 *       {@code (41/35) x range / (368 - 64)} with {@code range} the larger extent of the visible
 *       joints (gen_lsp.m's "squeeze" into a 368-pixel crop);</li>
 *   <li>crop: lsp.py multiplies that scale by 1.4375 for LSP where mpii.py multiplies MPII's by
 *       1.25; this suite crops MPII with its scale as given, so the LSP scale is multiplied by
 *       {@link #CROP_FACTOR} = 1.4375 / 1.25, the same framing relative to MPII. On
 *       lspet-1000 the visible joints then span a median 0.75 of the 200 x scale box (fully
 *       visible people), against 0.70 for the fully annotated people of MPII's valid.json.</li>
 * </ul>
 *
 * The medians {@code r(p)} are taken over the people given (the file read; gen_lsp.m takes them
 * over LSP and LSPe together). Joints: MPII order (16 slots), image pixels.
 */
public final class LspPersonBox {

    /** gen_lsp.m's joint pairs (child, parent) in MPII slots; index {@link #HEAD} is neck to head top. */
    static final int[][] LIMBS = {
        {0, 1}, {1, 2}, {2, 8}, {3, 4}, {4, 3}, {5, 8}, {8, 9}, {10, 11}, {11, 12}, {12, 8}, {13, 14}, {14, 13}, {15, 8}
    };

    /** The reference pair, neck to head top. */
    static final int HEAD = 6;

    /** CPM's {@code target_dist}, 41 / 35. */
    static final double TARGET_DIST = 41.0 / 35.0;

    /** CPM's crop side minus its margin, 368 - 64 pixels. */
    static final double SQUEEZE = 368 - 64;

    /** lsp.py's 1.4375 over mpii.py's 1.25. */
    public static final double CROP_FACTOR = 1.4375 / 1.25;

    private LspPersonBox() {}

    /** A derived box: centre in image pixels and scale (box side / 200 px); NaN where none can be derived. */
    public record Box(double centerX, double centerY, double scale) {

        /** Whether the box is usable (finite centre, finite positive scale). */
        public boolean usable() {
            return Double.isFinite(centerX) && Double.isFinite(centerY) && Double.isFinite(scale) && scale > 0;
        }
    }

    /**
     * Derives every person's box.
     *
     * @param joints {@code [person][16][2]} image pixels, MPII order
     * @param visible {@code [person][16]} the joints visible in the image (LSP: flag 0, LSPe: flag 1)
     * @param imageCentres {@code [person][2]} the image centres, or null to centre on the visible joints
     */
    public static Box[] derive(double[][][] joints, boolean[][] visible, double[][] imageCentres) {
        double[][] len = new double[joints.length][];
        boolean[][] seen = new boolean[joints.length][];
        for (int n = 0; n < joints.length; n++) {
            len[n] = new double[LIMBS.length];
            seen[n] = new boolean[LIMBS.length];
            for (int p = 0; p < LIMBS.length; p++) {
                double[] a = joints[n][LIMBS[p][0]];
                double[] b = joints[n][LIMBS[p][1]];
                double dx = a[0] - b[0];
                double dy = a[1] - b[1];
                len[n][p] = Math.sqrt(dx * dx + dy * dy);
                seen[n][p] = visible[n][LIMBS[p][0]] && visible[n][LIMBS[p][1]];
            }
        }
        double[] r = limbMedians(len, seen);
        Box[] out = new Box[joints.length];
        for (int n = 0; n < joints.length; n++) {
            out[n] = box(joints[n], visible[n], len[n], seen[n], r, imageCentres == null ? null : imageCentres[n]);
        }
        return out;
    }

    /** gen_lsp.m's {@code r(p)}: median ratio of each pair's length to the head segment's. */
    static double[] limbMedians(double[][] len, boolean[][] seen) {
        double[] r = new double[LIMBS.length];
        for (int p = 0; p < LIMBS.length; p++) {
            double[] ratios = new double[len.length];
            int k = 0;
            for (int n = 0; n < len.length; n++) {
                double q = len[n][p] / len[n][HEAD];
                if (seen[n][p] && seen[n][HEAD] && !Double.isNaN(q)) {
                    ratios[k++] = q;
                }
            }
            r[p] = median(Arrays.copyOf(ratios, k));
        }
        return r;
    }

    private static Box box(double[][] j, boolean[] vis, double[] len, boolean[] seen, double[] r, double[] centre) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < j.length; k++) {
            if (vis[k]) {
                minX = Math.min(minX, j[k][0]);
                maxX = Math.max(maxX, j[k][0]);
                minY = Math.min(minY, j[k][1]);
                maxY = Math.max(maxY, j[k][1]);
            }
        }
        if (minX > maxX) {
            return new Box(Double.NaN, Double.NaN, Double.NaN);
        }
        double[] units = new double[LIMBS.length];
        int k = 0;
        for (int p = 0; p < LIMBS.length; p++) {
            double u = len[p] / r[p];
            if (seen[p] && !Double.isNaN(u)) {
                units[k++] = u;
            }
        }
        double d = quantile(Arrays.copyOf(units, k), 0.75);
        double inCpp = TARGET_DIST / (d / 35);
        double bound = Math.min(SQUEEZE / (maxX - minX), SQUEEZE / (maxY - minY));
        double shrink = Double.isNaN(inCpp) ? bound : Math.min(bound, inCpp);
        double scale = TARGET_DIST / shrink * CROP_FACTOR;
        return centre != null
                ? new Box(centre[0], centre[1], scale)
                : new Box((minX + maxX) / 2, (minY + maxY) / 2, scale);
    }

    /** The median (NaN for none). */
    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /**
     * MATLAB's {@code quantile(v, p)}: sorted values at plotting positions {@code (i - 0.5) / n},
     * linear in between, the smallest and largest value outside them (NaN for none).
     */
    static double quantile(double[] v, double p) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        double pos = s.length * p - 0.5;
        if (pos <= 0) {
            return s[0];
        }
        if (pos >= s.length - 1) {
            return s[s.length - 1];
        }
        int i = (int) Math.floor(pos);
        double t = pos - i;
        return s[i] + t * (s[i + 1] - s[i]);
    }
}

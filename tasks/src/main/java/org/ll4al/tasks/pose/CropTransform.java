package org.ll4al.tasks.pose;

import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Point2D;

/**
 * The one affine transform from image pixels to a square crop of {@code res} pixels around a
 * person: the box of side {@code 200 x scale} centred on the person is rotated by
 * {@code rotation} degrees, optionally mirrored horizontally and resized to {@code res}. Pixel
 * centres are integer coordinates, so a mirror maps x to {@code res - 1 - x}. The image and its
 * joints go through the same transform; a mirrored crop also swaps the left/right joints.
 */
public final class CropTransform {

    private final AffineTransform forward;
    private final AffineTransform inverse;
    private final boolean flip;
    private final int res;

    /**
     * Creates the transform.
     *
     * @param cx box centre x (image pixels)
     * @param cy box centre y
     * @param scale box side / 200 px
     * @param rotation degrees, counter-clockwise in the crop
     * @param flip whether the crop is mirrored horizontally
     * @param res crop side in pixels
     */
    public CropTransform(double cx, double cy, double scale, double rotation, boolean flip, int res) {
        this.flip = flip;
        this.res = res;
        double k = res / (200.0 * scale);
        AffineTransform t = new AffineTransform();
        t.translate((res - 1) / 2.0, (res - 1) / 2.0);
        t.scale(flip ? -k : k, k);
        t.rotate(Math.toRadians(-rotation));
        t.translate(-cx, -cy);
        this.forward = t;
        try {
            this.inverse = t.createInverse();
        } catch (NoninvertibleTransformException e) {
            throw new IllegalArgumentException("crop transform is not invertible (scale " + scale + ")", e);
        }
    }

    /** The unaugmented crop of a sample (no scale change, rotation or flip). */
    public static CropTransform of(PoseSample s, int res) {
        return new CropTransform(s.centerX(), s.centerY(), s.scale(), 0, false, res);
    }

    /** Crop side in pixels. */
    public int res() {
        return res;
    }

    /** Image-to-crop matrix (a copy). */
    public AffineTransform forward() {
        return new AffineTransform(forward);
    }

    /** Crop-to-image matrix (a copy). */
    public AffineTransform inverse() {
        return new AffineTransform(inverse);
    }

    /** Maps one image point into the crop. */
    public double[] toCrop(double x, double y) {
        Point2D p = forward.transform(new Point2D.Double(x, y), null);
        return new double[] {p.getX(), p.getY()};
    }

    /** Maps one crop point back to the image. */
    public double[] toImage(double x, double y) {
        Point2D p = inverse.transform(new Point2D.Double(x, y), null);
        return new double[] {p.getX(), p.getY()};
    }

    /**
     * Maps joints into the crop; when mirrored, the left/right pairs are swapped so that index
     * {@code j} still names the same body part. {@code vis} (may be null) is swapped alike, in place.
     */
    public double[][] jointsToCrop(double[][] joints, float[] vis) {
        double[][] out = new double[joints.length][];
        for (int j = 0; j < joints.length; j++) {
            out[j] = toCrop(joints[j][0], joints[j][1]);
        }
        if (flip) {
            MpiiJoints.swapPairs(out, vis);
        }
        return out;
    }

    /** The inverse of {@link #jointsToCrop}: crop joints back to image joints (unswapping). */
    public double[][] jointsToImage(double[][] cropJoints, float[] vis) {
        double[][] in = new double[cropJoints.length][];
        for (int j = 0; j < cropJoints.length; j++) {
            in[j] = cropJoints[j].clone();
        }
        if (flip) {
            MpiiJoints.swapPairs(in, vis);
        }
        double[][] out = new double[in.length][];
        for (int j = 0; j < in.length; j++) {
            out[j] = toImage(in[j][0], in[j][1]);
        }
        return out;
    }

    /** Crop coordinate to heatmap coordinate for a heatmap of {@code hm} pixels (pixel centres aligned). */
    public static double cropToHeatmap(double q, int res, int hm) {
        return (q + 0.5) * hm / res - 0.5;
    }

    /** Heatmap coordinate to crop coordinate (inverse of {@link #cropToHeatmap}). */
    public static double heatmapToCrop(double h, int res, int hm) {
        return (h + 0.5) * res / hm - 0.5;
    }
}

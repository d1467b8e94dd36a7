package org.ll4al.tasks.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * SSD training augmentation on a cached {@code S x S} RGB image with normalised boxes:
 * photometric distortion (brightness, contrast, saturation; hue is left out to keep it cheap),
 * zoom-out expansion (ratio 1..4, mean-filled canvas), the SSD random crop (minimum IoU with the
 * objects of 0.1/0.3/0.7/0.9, any, or none; object centres must fall in the crop), horizontal
 * flip. Expansion, crop and flip compose into one affine map resampled once (bilinear) back to
 * {@code S x S}, so crops upsample the cached image rather than the original JPEG.
 */
public final class SsdAugmentation {

    /** Fill value (ImageNet mean, RGB, 0-255) of canvas pixels outside the image. */
    static final float[] MEAN = {123.7f, 116.3f, 103.5f};

    private static final double[] MIN_IOU = {Double.NaN, 0.1, 0.3, 0.7, 0.9, Double.NEGATIVE_INFINITY};

    /**
     * An image with its objects.
     *
     * @param chw pixel values 0-255, planar RGB
     * @param boxes normalised corner boxes
     * @param labels class per box
     */
    public record Sample(float[] chw, float[][] boxes, int[] labels) {}

    private SsdAugmentation() {}

    /** The unaugmented sample: bytes to planar floats. */
    public static Sample plain(byte[] hwc, int size, float[][] boxes, int[] labels) {
        float[] chw = new float[3 * size * size];
        int plane = size * size;
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + p] = hwc[3 * p + c] & 0xff;
            }
        }
        return new Sample(chw, boxes, labels);
    }

    /** Applies the full random augmentation with {@code rng}. */
    public static Sample augment(byte[] hwc, int size, float[][] boxes, int[] labels, Random rng) {
        Sample s = plain(hwc, size, boxes, labels);
        photometric(s.chw(), size, rng);
        return geometric(s, size, rng, true);
    }

    /** Horizontal flip with probability 1/2, nothing else (for short schedules). */
    public static Sample mirror(byte[] hwc, int size, float[][] boxes, int[] labels, Random rng) {
        Sample s = plain(hwc, size, boxes, labels);
        if (!rng.nextBoolean()) {
            return s;
        }
        float[] chw = s.chw();
        float[] out = new float[chw.length];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                int row = (c * size + y) * size;
                for (int x = 0; x < size; x++) {
                    out[row + x] = chw[row + size - 1 - x];
                }
            }
        }
        return new Sample(out, flip(boxes), labels);
    }

    /**
     * {@link #mirror} followed by the photometric distortion: the boxes stay where they are (or
     * flip), only the colours change, so objects keep their size at a low input resolution.
     */
    public static Sample photoMirror(byte[] hwc, int size, float[][] boxes, int[] labels, Random rng) {
        Sample s = mirror(hwc, size, boxes, labels, rng);
        photometric(s.chw(), size, rng);
        return s;
    }

    /** Random brightness, contrast and saturation, each with probability 1/2, in place. */
    static void photometric(float[] chw, int size, Random rng) {
        int plane = size * size;
        float delta = rng.nextBoolean() ? (float) (rng.nextDouble() * 64 - 32) : 0f;
        float contrast = rng.nextBoolean() ? (float) (0.5 + rng.nextDouble()) : 1f;
        float sat = rng.nextBoolean() ? (float) (0.5 + rng.nextDouble()) : 1f;
        if (delta == 0f && contrast == 1f && sat == 1f) {
            return;
        }
        for (int p = 0; p < plane; p++) {
            float r = (chw[p] + delta) * contrast;
            float g = (chw[plane + p] + delta) * contrast;
            float b = (chw[2 * plane + p] + delta) * contrast;
            float gray = 0.299f * r + 0.587f * g + 0.114f * b;
            chw[p] = clamp(gray + (r - gray) * sat);
            chw[plane + p] = clamp(gray + (g - gray) * sat);
            chw[2 * plane + p] = clamp(gray + (b - gray) * sat);
        }
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : Math.min(255f, v);
    }

    /** Expand, crop and flip (random), boxes moved with the image; {@code expand=false} skips expansion. */
    static Sample geometric(Sample s, int size, Random rng, boolean expand) {
        float[][] boxes = s.boxes();
        double r = 1;
        double left = 0;
        double top = 0;
        if (expand && rng.nextBoolean()) {
            r = 1 + 3 * rng.nextDouble();
            left = rng.nextDouble() * (r - 1);
            top = rng.nextDouble() * (r - 1);
        }
        float[][] canvas = new float[boxes.length][];
        for (int i = 0; i < boxes.length; i++) {
            float[] b = boxes[i];
            canvas[i] = new float[] {
                (float) ((b[0] + left) / r), (float) ((b[1] + top) / r),
                (float) ((b[2] + left) / r), (float) ((b[3] + top) / r)
            };
        }
        double[] crop = chooseCrop(canvas, rng);
        List<float[]> kept = new ArrayList<>();
        List<Integer> keptLabels = new ArrayList<>();
        for (int i = 0; i < canvas.length; i++) {
            float[] b = canvas[i];
            double cx = (b[0] + b[2]) / 2;
            double cy = (b[1] + b[3]) / 2;
            if (cx <= crop[0] || cx >= crop[2] || cy <= crop[1] || cy >= crop[3]) {
                continue;
            }
            double w = crop[2] - crop[0];
            double h = crop[3] - crop[1];
            kept.add(new float[] {
                (float) ((Math.max(b[0], crop[0]) - crop[0]) / w), (float) ((Math.max(b[1], crop[1]) - crop[1]) / h),
                (float) ((Math.min(b[2], crop[2]) - crop[0]) / w), (float) ((Math.min(b[3], crop[3]) - crop[1]) / h)
            });
            keptLabels.add(s.labels()[i]);
        }
        boolean flip = rng.nextBoolean();
        float[][] outBoxes = kept.toArray(new float[0][]);
        if (flip) {
            outBoxes = flip(outBoxes);
        }
        // output o in [0,1] -> crop -> canvas -> image: i = (crop0 + o * w) * r - offset
        double ax = (crop[2] - crop[0]) * r;
        double bx = crop[0] * r - left;
        double ay = (crop[3] - crop[1]) * r;
        double by = crop[1] * r - top;
        float[] chw = resample(s.chw(), size, ax, bx, ay, by, flip);
        return new Sample(
                chw, outBoxes, keptLabels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Mirrors normalised boxes horizontally. */
    public static float[][] flip(float[][] boxes) {
        float[][] out = new float[boxes.length][];
        for (int i = 0; i < boxes.length; i++) {
            float[] b = boxes[i];
            out[i] = new float[] {1 - b[2], b[1], 1 - b[0], b[3]};
        }
        return out;
    }

    /** SSD crop sampling in canvas coordinates: {@code (x1, y1, x2, y2)}; the whole canvas if none fits. */
    static double[] chooseCrop(float[][] boxes, Random rng) {
        double[] whole = {0, 0, 1, 1};
        if (boxes.length == 0) {
            return whole;
        }
        double minIou = MIN_IOU[rng.nextInt(MIN_IOU.length)];
        if (Double.isNaN(minIou)) {
            return whole;
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            double w = 0.3 + 0.7 * rng.nextDouble();
            double h = 0.3 + 0.7 * rng.nextDouble();
            if (h / w < 0.5 || h / w > 2) {
                continue;
            }
            double x = rng.nextDouble() * (1 - w);
            double y = rng.nextDouble() * (1 - h);
            float[] rect = {(float) x, (float) y, (float) (x + w), (float) (y + h)};
            boolean ok = true;
            boolean anyCentre = false;
            for (float[] b : boxes) {
                if (BoxCoder.iou(rect, b) < minIou) {
                    ok = false;
                    break;
                }
                double cx = (b[0] + b[2]) / 2;
                double cy = (b[1] + b[3]) / 2;
                anyCentre |= cx > rect[0] && cx < rect[2] && cy > rect[1] && cy < rect[3];
            }
            if (ok && anyCentre) {
                return new double[] {rect[0], rect[1], rect[2], rect[3]};
            }
        }
        return whole;
    }

    private static float[] resample(float[] src, int size, double ax, double bx, double ay, double by, boolean flip) {
        int plane = size * size;
        float[] dst = new float[3 * plane];
        for (int oy = 0; oy < size; oy++) {
            double sy = (ay * ((oy + 0.5) / size) + by) * size - 0.5;
            for (int ox = 0; ox < size; ox++) {
                double u = (ox + 0.5) / size;
                double sx = (ax * (flip ? 1 - u : u) + bx) * size - 0.5;
                int o = oy * size + ox;
                if (sx < -0.5 || sy < -0.5 || sx > size - 0.5 || sy > size - 0.5) {
                    for (int c = 0; c < 3; c++) {
                        dst[c * plane + o] = MEAN[c];
                    }
                    continue;
                }
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                float fx = (float) (sx - x0);
                float fy = (float) (sy - y0);
                int xa = Math.max(0, x0);
                int xb = Math.min(size - 1, x0 + 1);
                int ya = Math.max(0, y0);
                int yb = Math.min(size - 1, y0 + 1);
                for (int c = 0; c < 3; c++) {
                    int base = c * plane;
                    float top = src[base + ya * size + xa] * (1 - fx) + src[base + ya * size + xb] * fx;
                    float bot = src[base + yb * size + xa] * (1 - fx) + src[base + yb * size + xb] * fx;
                    dst[base + o] = top * (1 - fy) + bot * fy;
                }
            }
        }
        return dst;
    }
}

package org.ll4al.tasks.pose;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.ll4al.tasks.TaskDataException;

/**
 * Decodes images with javax.imageio and keeps, per sample, an RGB crop of the person's box
 * enlarged 1.5x (room for the scale and rotation augmentation) at 1.5x the input resolution,
 * in memory up to a byte budget (least recently used crops are dropped first). Input crops are
 * resampled bilinearly from these cached crops; outside the image is black.
 */
final class CropCache {

    /** How much larger than the person box the cached crop is. */
    static final double MARGIN = 1.5;

    private final Path images;
    private final Path annotations;
    private final List<PoseSample> samples;
    private final int baseSize;
    private final Map<Integer, byte[]> cache;
    private final long budget;
    private long bytes;

    CropCache(Path images, Path annotations, List<PoseSample> samples, int res, long budgetBytes) {
        this.images = images;
        this.annotations = annotations;
        this.samples = samples;
        this.baseSize = (int) Math.ceil(res * MARGIN);
        this.budget = budgetBytes;
        this.cache = new LinkedHashMap<>(16, 0.75f, true);
    }

    private CropTransform baseTransform(int index) {
        PoseSample s = samples.get(index);
        return new CropTransform(s.centerX(), s.centerY(), s.scale() * MARGIN, 0, false, baseSize);
    }

    private synchronized byte[] base(int index) {
        byte[] b = cache.get(index);
        if (b != null) {
            return b;
        }
        b = decode(index);
        cache.put(index, b);
        bytes += b.length;
        var it = cache.entrySet().iterator();
        while (bytes > budget && cache.size() > 1 && it.hasNext()) {
            var e = it.next();
            bytes -= e.getValue().length;
            it.remove();
        }
        return b;
    }

    private byte[] decode(int index) {
        Path file = images.resolve(samples.get(index).image());
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new TaskDataException(
                    annotations + ": entry " + index + ": cannot read image " + file + ": " + e.getMessage(), e);
        }
        if (img == null) {
            throw new TaskDataException(annotations + ": entry " + index + ": " + file + " is not a readable image");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] rgb = rgb(img.getRGB(0, 0, w, h, null, 0, w));
        float[] m = matrix(baseTransform(index).inverse());
        byte[] out = new byte[3 * baseSize * baseSize];
        float[] px = new float[3];
        for (int y = 0; y < baseSize; y++) {
            for (int x = 0; x < baseSize; x++) {
                float sx = m[0] * x + m[1] * y + m[2];
                float sy = m[3] * x + m[4] * y + m[5];
                sample(rgb, w, h, sx, sy, px);
                int o = 3 * (y * baseSize + x);
                for (int c = 0; c < 3; c++) {
                    out[o + c] = (byte) Math.round(px[c]);
                }
            }
        }
        return out;
    }

    /**
     * Writes the crop of sample {@code index} under {@code t} as CHW floats in [0, 1] into
     * {@code dst} from {@code offset} (3 x res x res values).
     */
    void crop(int index, CropTransform t, float[] dst, int offset) {
        byte[] b = base(index);
        AffineTransform m = baseTransform(index).forward();
        m.concatenate(t.inverse());
        float[] a = matrix(m);
        int res = t.res();
        int plane = res * res;
        float[] px = new float[3];
        for (int y = 0; y < res; y++) {
            for (int x = 0; x < res; x++) {
                float sx = a[0] * x + a[1] * y + a[2];
                float sy = a[3] * x + a[4] * y + a[5];
                sample(b, baseSize, baseSize, sx, sy, px);
                int o = offset + y * res + x;
                dst[o] = px[0] / 255f;
                dst[o + plane] = px[1] / 255f;
                dst[o + 2 * plane] = px[2] / 255f;
            }
        }
    }

    private static float[] matrix(AffineTransform t) {
        return new float[] {
            (float) t.getScaleX(), (float) t.getShearX(), (float) t.getTranslateX(),
            (float) t.getShearY(), (float) t.getScaleY(), (float) t.getTranslateY()
        };
    }

    /** Packed ARGB pixels as interleaved RGB bytes (alpha dropped). */
    private static byte[] rgb(int[] argb) {
        byte[] out = new byte[3 * argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            out[3 * i] = (byte) ((p >> 16) & 0xff);
            out[3 * i + 1] = (byte) ((p >> 8) & 0xff);
            out[3 * i + 2] = (byte) (p & 0xff);
        }
        return out;
    }

    /**
     * Bilinear sample at ({@code x}, {@code y}) of a {@code w} x {@code h} interleaved RGB image
     * into {@code out} (3 channels, 0..255); taps outside the image count as black.
     */
    private static void sample(byte[] rgb, int w, int h, float x, float y, float[] out) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        float fx = x - x0;
        float fy = y - y0;
        out[0] = 0;
        out[1] = 0;
        out[2] = 0;
        for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
                int xi = x0 + dx;
                int yi = y0 + dy;
                if (xi < 0 || yi < 0 || xi >= w || yi >= h) {
                    continue;
                }
                float wgt = (dx == 0 ? 1 - fx : fx) * (dy == 0 ? 1 - fy : fy);
                int p = 3 * (yi * w + xi);
                out[0] += wgt * (rgb[p] & 0xff);
                out[1] += wgt * (rgb[p + 1] & 0xff);
                out[2] += wgt * (rgb[p + 2] & 0xff);
            }
        }
    }
}

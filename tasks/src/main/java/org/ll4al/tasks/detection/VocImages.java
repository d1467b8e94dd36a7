package org.ll4al.tasks.detection;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.ll4al.tasks.TaskDataException;

/**
 * A list of VOC images with their annotations; each image is decoded with {@code javax.imageio}
 * on first use, resized (bilinear, aspect not kept, as SSD does) to {@code size x size} and cached
 * as interleaved RGB bytes.
 */
public final class VocImages {

    private final List<VocAnnotation> annotations;
    private final int size;
    private final byte[][] cache;

    /** Wraps annotations; images are loaded lazily at {@code size x size}. */
    public VocImages(List<VocAnnotation> annotations, int size) {
        this.annotations = List.copyOf(annotations);
        this.size = size;
        this.cache = new byte[annotations.size()][];
    }

    /** Number of images. */
    public int count() {
        return annotations.size();
    }

    /** Input side length. */
    public int imageSize() {
        return size;
    }

    /** The annotation of image {@code i}. */
    public VocAnnotation annotation(int i) {
        return annotations.get(i);
    }

    /** The resized RGB bytes (HWC) of image {@code i}, decoded on first use. */
    public byte[] pixels(int i) {
        byte[] p = cache[i];
        if (p == null) {
            p = load(annotations.get(i), size);
            cache[i] = p;
        }
        return p;
    }

    /** Decodes a JPEG and resizes it to {@code size x size} RGB bytes (HWC). */
    static byte[] load(VocAnnotation a, int size) {
        BufferedImage src;
        try {
            src = ImageIO.read(a.image().toFile());
        } catch (IOException e) {
            throw new TaskDataException(a.image() + ": cannot decode image: " + e.getMessage(), e);
        }
        if (src == null) {
            throw new TaskDataException(a.image() + ": not a readable image");
        }
        BufferedImage dst = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, size, size, null);
        g.dispose();
        byte[] bgr = ((DataBufferByte) dst.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[bgr.length];
        for (int k = 0; k < bgr.length; k += 3) {
            rgb[k] = bgr[k + 2];
            rgb[k + 1] = bgr[k + 1];
            rgb[k + 2] = bgr[k];
        }
        return rgb;
    }
}

package org.ll4al.tasks.detection;

import java.nio.file.Path;

/**
 * One annotated VOC image: boxes in normalised corner form {@code (x1, y1, x2, y2)} in [0, 1]
 * (VOC's 1-based pixel coordinates minus one, divided by the image size), 0-based class labels
 * and the devkit's {@code difficult} flags.
 *
 * @param id image id, e.g. {@code 2007/000012}
 * @param image the JPEG file
 * @param width image width in pixels
 * @param height image height in pixels
 * @param boxes one row of four coordinates per object
 * @param labels 0-based class index per object
 * @param difficult difficult flag per object
 */
public record VocAnnotation(
        String id, Path image, int width, int height, float[][] boxes, int[] labels, boolean[] difficult) {

    /** Number of objects. */
    public int size() {
        return labels.length;
    }
}

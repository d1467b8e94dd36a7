package org.ll4al.tasks.detection;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Test fixture: writes tiny synthetic data sets in the VOCdevkit layout (coloured rectangles of
 * the VOC classes car, dog and person on grey, with XML annotations and split files); harness
 * tests get it from the tasks test-jar.
 */
public final class VocWriter {

    private VocWriter() {}

    /** An annotation XML document with the given objects. */
    public static String xml(String file, int w, int h, String objects) {
        return "<annotation><filename>" + file + "</filename><size><width>" + w + "</width><height>" + h
                + "</height><depth>3</depth></size>" + objects + "</annotation>";
    }

    /** One {@code <object>} element. */
    public static String object(String name, int x1, int y1, int x2, int y2, boolean difficult) {
        return "<object><name>" + name + "</name><difficult>" + (difficult ? 1 : 0) + "</difficult><bndbox><xmin>" + x1
                + "</xmin><ymin>" + y1 + "</ymin><xmax>" + x2 + "</xmax><ymax>" + y2 + "</ymax></bndbox></object>";
    }

    /** Writes {@code n} images per split into {@code root/VOCdevkit/VOC2007}; returns the VOC folder. */
    public static Path write(Path root, int train, int val) throws IOException {
        Path voc = root.resolve("VOCdevkit").resolve("VOC2007");
        Files.createDirectories(voc.resolve("Annotations"));
        Files.createDirectories(voc.resolve("JPEGImages"));
        Files.createDirectories(voc.resolve("ImageSets").resolve("Main"));
        List<String> trainIds = new ArrayList<>();
        List<String> valIds = new ArrayList<>();
        String[] names = {"car", "dog", "person"};
        Color[] colours = {Color.RED, Color.GREEN, Color.BLUE};
        for (int i = 0; i < train + val; i++) {
            String id = String.format("%06d", i + 1);
            int w = 80 + 8 * (i % 3);
            int h = 60 + 4 * (i % 4);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.GRAY);
            g.fillRect(0, 0, w, h);
            int k = i % 3;
            int x1 = 5 + (i * 7) % 30;
            int y1 = 4 + (i * 5) % 20;
            int x2 = Math.min(w, x1 + 30 + (i % 5) * 4);
            int y2 = Math.min(h, y1 + 25);
            g.setColor(colours[k]);
            g.fillRect(x1 - 1, y1 - 1, x2 - x1 + 1, y2 - y1 + 1);
            g.dispose();
            ImageIO.write(
                    img, "jpg", voc.resolve("JPEGImages").resolve(id + ".jpg").toFile());
            Files.writeString(
                    voc.resolve("Annotations").resolve(id + ".xml"),
                    xml(id + ".jpg", w, h, object(names[k], x1, y1, x2, y2, i % 7 == 3)));
            (i < train ? trainIds : valIds).add(id);
        }
        Files.write(voc.resolve("ImageSets/Main/train.txt"), trainIds);
        Files.write(voc.resolve("ImageSets/Main/val.txt"), valIds);
        return voc;
    }
}

package org.ll4al.tasks.pose;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes a SYNTHETIC pose dataset in the MPII JSON layout ({@code train.json},
 * {@code valid.json}, {@code images/*.png}, {@code SOURCE.txt}): one articulated stick figure per
 * image (thick limbs, a head disc) with the 16 MPII joints, over random gradients, clutter and
 * pixel noise. The person's right limbs are drawn bright and the left ones dark (a cue that
 * tells left from right). Joints are marked as the real MPII files of the stacked-hourglass
 * layout mark them: a joint hidden by an occluding block is <em>occluded but annotated</em>
 * ({@code joints_vis} 0, real coordinates); a joint outside the image (some figures are placed
 * low so that their legs leave the frame, {@link #TRUNCATED} of them) is <em>not annotated</em>
 * (coordinates (0, 0), {@code joints_vis} 0). {@code normalize} is 0.6 x the head box diagonal,
 * as in MPII's head size.
 */
public final class SyntheticPoseGenerator {

    /** Fraction of figures placed low enough that some leg joints leave the image (not annotated). */
    public static final double TRUNCATED = 0.2;

    /** Fraction of figures with an occluding block over some joints (occluded but annotated). */
    public static final double OCCLUDED = 0.4;

    private SyntheticPoseGenerator() {}

    /** Usage: {@code SyntheticPoseGenerator DIR [train=2000] [valid=300] [imageSize=128] [seed=1]}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SyntheticPoseGenerator DIR [trainCount] [validCount] [imageSize] [seed]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int train = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int valid = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int size = args.length > 3 ? Integer.parseInt(args[3]) : 128;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        write(dir, train, valid, size, seed);
        System.out.println("wrote synthetic pose dataset to " + dir.toAbsolutePath());
    }

    /** Writes {@code trainCount + validCount} images of {@code imageSize}^2 pixels and their annotations. */
    public static void write(Path dir, int trainCount, int validCount, int imageSize, long seed) throws IOException {
        Path images = dir.resolve("images");
        Files.createDirectories(images);
        Files.writeString(
                dir.resolve("SOURCE.txt"),
                String.format(
                        "SYNTHETIC pose data (not MPII): stick figures with the 16 MPII joints, written by%n"
                                + "org.ll4al.tasks.pose.SyntheticPoseGenerator (train %d, valid %d, %dx%d px, seed %d).%n"
                                + "Same layout as the MPII JSON of stacked-hourglass reimplementations: joints_vis 0 with%n"
                                + "real coordinates = occluded but annotated; coordinates (0, 0) = not annotated.%n",
                        trainCount, validCount, imageSize, imageSize, seed),
                StandardCharsets.UTF_8);
        writeSplit(dir.resolve("train.json"), images, "train", trainCount, imageSize, seed);
        writeSplit(dir.resolve("valid.json"), images, "valid", validCount, imageSize, seed ^ 0x5DEECE66DL);
    }

    private static void writeSplit(Path json, Path images, String split, int count, int size, long seed)
            throws IOException {
        List<Map<String, Object>> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Random rng = new Random(seed * 1_000_003L + i);
            String name = String.format("synth_%s_%06d.png", split, i);
            entries.add(draw(rng, size, images.resolve(name), name));
        }
        Gson gson = new GsonBuilder().create();
        Files.writeString(json, gson.toJson(entries), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> draw(Random rng, int size, Path file, String name) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, randomColor(rng), size, size, randomColor(rng)));
        g.fillRect(0, 0, size, size);
        for (int k = 0, n = rng.nextInt(6); k < n; k++) {
            g.setColor(randomColor(rng));
            int w = 4 + rng.nextInt(size / 3);
            int h = 4 + rng.nextInt(size / 3);
            if (rng.nextBoolean()) {
                g.fillOval(rng.nextInt(size), rng.nextInt(size), w, h);
            } else {
                g.setStroke(new BasicStroke(1 + rng.nextInt(Math.max(2, size / 30))));
                g.drawLine(rng.nextInt(size), rng.nextInt(size), rng.nextInt(size), rng.nextInt(size));
            }
        }
        double height = size * (0.5 + 0.3 * rng.nextDouble());
        boolean truncated = rng.nextDouble() < TRUNCATED;
        double px = size / 2.0 + (rng.nextDouble() - 0.5) * 0.2 * size;
        double py = truncated ? size - 0.15 * height : size / 2.0 + (rng.nextDouble() - 0.5) * 0.15 * size;
        double[][] j = StickFigure.pose(rng, px, py, height);
        float hue = rng.nextFloat();
        float thick = (float) Math.max(1.5, height * (0.035 + 0.02 * rng.nextDouble()));
        StickFigure.paint(g, j, hue, thick, height * StickFigure.HEAD);
        float[] vis = new float[MpiiJoints.COUNT];
        Arrays.fill(vis, 1f);
        if (rng.nextDouble() < OCCLUDED) {
            double[] c = j[rng.nextInt(MpiiJoints.COUNT)];
            double side = height * (0.12 + 0.12 * rng.nextDouble());
            double ox = c[0] - side * rng.nextDouble();
            double oy = c[1] - side * rng.nextDouble();
            g.setColor(randomColor(rng));
            g.fillRect((int) ox, (int) oy, (int) side, (int) side);
            for (int k = 0; k < vis.length; k++) {
                if (j[k][0] >= ox && j[k][0] <= ox + side && j[k][1] >= oy && j[k][1] <= oy + side) {
                    vis[k] = 0;
                }
            }
        }
        g.dispose();
        addNoise(img, rng, 4 + 12 * rng.nextDouble());
        boolean[] annotated = new boolean[MpiiJoints.COUNT];
        for (int k = 0; k < vis.length; k++) {
            annotated[k] = j[k][0] >= 0 && j[k][1] >= 0 && j[k][0] < size && j[k][1] < size;
            if (!annotated[k]) {
                vis[k] = 0;
            }
        }
        try {
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return entry(name, j, vis, annotated, height * StickFigure.HEAD);
    }

    /** The JSON entry; the person box uses every joint, the written joints are (0, 0) where not annotated. */
    private static Map<String, Object> entry(
            String name, double[][] j, float[] vis, boolean[] annotated, double headSize) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] p : j) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("image", name);
        e.put("center", new double[] {(minX + maxX) / 2, (minY + maxY) / 2});
        e.put("scale", 1.25 * Math.max(maxX - minX, maxY - minY) / 200.0);
        double[][] written = new double[j.length][];
        for (int k = 0; k < j.length; k++) {
            written[k] = annotated[k] ? j[k].clone() : new double[] {0, 0};
        }
        e.put("joints", written);
        int[] v = new int[vis.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = vis[k] > 0 ? 1 : 0;
        }
        e.put("joints_vis", v);
        e.put("normalize", 0.6 * Math.sqrt(2) * headSize);
        return e;
    }

    private static Color randomColor(Random rng) {
        return Color.getHSBColor(rng.nextFloat(), rng.nextFloat(), 0.2f + 0.8f * rng.nextFloat());
    }

    private static void addNoise(BufferedImage img, Random rng, double sd) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int r = clamp(((p >> 16) & 0xff) + rng.nextGaussian() * sd);
                int gr = clamp(((p >> 8) & 0xff) + rng.nextGaussian() * sd);
                int b = clamp((p & 0xff) + rng.nextGaussian() * sd);
                img.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}

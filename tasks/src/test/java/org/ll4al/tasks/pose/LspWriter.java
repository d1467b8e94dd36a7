package org.ll4al.tasks.pose;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Writes small Leeds Sports Pose folders for tests ({@code joints.mat} through mfl-core and JPEG
 * stick figures in {@code images/}), in either layout, and MAT-files of any array for bad-input
 * tests. Published to the harness tests in the tasks test-jar.
 */
public final class LspWriter {

    /** Image width and height of {@link #write}. */
    public static final int WIDTH = 96;

    public static final int HEIGHT = 128;

    private LspWriter() {}

    /**
     * Writes {@code n} people, one stick figure per image, 1-based coordinates. Every third
     * person's left wrist is flagged: in LSPe invisible (coordinates negated, as in the real
     * file), in LSP occluded (real coordinates).
     *
     * @return the joints {@code [person][14][3]} as written
     */
    public static double[][][] write(Path dir, LspConvention c, int n, long seed) throws IOException {
        Path images = dir.resolve("images");
        Files.createDirectories(images);
        double[][][] v = new double[n][LspJoints.COUNT][3];
        for (int p = 0; p < n; p++) {
            Random rng = new Random(seed * 7919 + p);
            BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.getHSBColor(rng.nextFloat(), 0.3f, 0.3f + 0.4f * rng.nextFloat()));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            double height = HEIGHT * (0.55 + 0.15 * rng.nextDouble());
            double[][] j = StickFigure.pose(rng, WIDTH / 2.0 + (rng.nextDouble() - 0.5) * 10, HEIGHT * 0.55, height);
            StickFigure.paint(g, j, rng.nextFloat(), 3f, height * StickFigure.HEAD);
            g.dispose();
            ImageIO.write(img, "jpg", images.resolve(c.imageName(p)).toFile());
            for (int k = 0; k < LspJoints.COUNT; k++) {
                double[] q = j[LspAnnotations.TO_MPII[k]];
                boolean flagged = p % 3 == 0 && k == 11;
                double sign = flagged && c == LspConvention.LSPE ? -1 : 1;
                v[p][k] = new double[] {
                    sign * (q[0] + 1),
                    sign * (q[1] + 1),
                    c == LspConvention.LSPE ? (flagged ? 0 : 1) : (flagged ? 1 : 0)
                };
            }
        }
        writeMat(dir.resolve(LspAnnotations.FILE), LspJoints.VARIABLE, matrix(c, v));
        return v;
    }

    /** The {@code joints} array of {@code [person][14][3]} values in the layout's orientation. */
    public static Matrix matrix(LspConvention c, double[][][] v) {
        int n = v.length;
        Matrix m = Mat5.newMatrix(c == LspConvention.LSPE ? new int[] {14, 3, n} : new int[] {3, 14, n});
        for (int p = 0; p < n; p++) {
            for (int k = 0; k < LspJoints.COUNT; k++) {
                for (int r = 0; r < 3; r++) {
                    m.setDouble(c == LspConvention.LSPE ? new int[] {k, r, p} : new int[] {r, k, p}, v[p][k][r]);
                }
            }
        }
        return m;
    }

    /** Writes a {@code joints} variable of zeros with the given dimensions (a wrong shape for bad-input tests). */
    public static void writeZeros(Path file, int... dims) throws IOException {
        writeMat(file, LspJoints.VARIABLE, Mat5.newMatrix(dims));
    }

    /** Writes a {@code joints} variable holding text (a wrong type for bad-input tests). */
    public static void writeText(Path file, String text) throws IOException {
        writeMat(file, LspJoints.VARIABLE, Mat5.newString(text));
    }

    /** Writes a MAT-file (format 5) holding one array. */
    public static void writeMat(Path file, String name, Array a) throws IOException {
        try (MatFile mat = Mat5.newMatFile()) {
            mat.addArray(name, a);
            Mat5.writeToFile(mat, file.toFile());
        }
    }
}

package org.ll4al.tasks.pose;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.Random;

/** Random articulated stick-figure poses in MPII joint order and their drawing (synthetic data). */
final class StickFigure {

    /** Head diameter as a fraction of the figure height. */
    static final double HEAD = 0.14;

    /** Limbs as joint pairs: right side, left side, then the trunk and neck. */
    private static final int[][] RIGHT = {{0, 1}, {1, 2}, {10, 11}, {11, 12}, {12, 7}, {2, 6}};

    private static final int[][] LEFT = {{5, 4}, {4, 3}, {15, 14}, {14, 13}, {13, 7}, {3, 6}};
    private static final int[][] TRUNK = {{6, 7}, {7, 8}};

    private StickFigure() {}

    /** A random pose of a figure of about {@code height} pixels with its pelvis at (px, py). */
    static double[][] pose(Random rng, double px, double py, double height) {
        double[][] j = new double[MpiiJoints.COUNT][];
        double torso = Math.toRadians(rng.nextGaussian() * 12);
        double ux = Math.sin(torso);
        double uy = -Math.cos(torso);
        double rx = -uy;
        double ry = ux;
        double facing = rng.nextDouble() < 0.8 ? 1 : -1;
        j[6] = new double[] {px, py};
        j[7] = add(j[6], ux, uy, 0.30 * height);
        j[8] = add(j[7], ux, uy, 0.05 * height);
        double tilt = torso + Math.toRadians(rng.nextGaussian() * 10);
        j[9] = add(j[8], Math.sin(tilt), -Math.cos(tilt), HEAD * height);
        double hip = 0.08 * height * facing;
        double shoulder = 0.11 * height * facing;
        j[2] = add(j[6], -rx, -ry, hip);
        j[3] = add(j[6], rx, ry, hip);
        j[12] = add(j[7], -rx, -ry, shoulder);
        j[13] = add(j[7], rx, ry, shoulder);
        limb(rng, j, 2, 1, 0, torso, 25, 0.24 * height, 30);
        limb(rng, j, 3, 4, 5, torso, 25, 0.24 * height, 30);
        limb(rng, j, 12, 11, 10, torso, 70, 0.16 * height, 60);
        limb(rng, j, 13, 14, 15, torso, 70, 0.16 * height, 60);
        return j;
    }

    private static void limb(
            Random rng, double[][] j, int root, int mid, int end, double base, double sd, double len, double bendSd) {
        double a = base + Math.toRadians(rng.nextGaussian() * sd);
        j[mid] = add(j[root], -Math.sin(a), Math.cos(a), len * (0.9 + 0.2 * rng.nextDouble()));
        double b = a + Math.toRadians(rng.nextGaussian() * bendSd);
        j[end] = add(j[mid], -Math.sin(b), Math.cos(b), len * (0.9 + 0.2 * rng.nextDouble()));
    }

    private static double[] add(double[] p, double dx, double dy, double len) {
        return new double[] {p[0] + dx * len, p[1] + dy * len};
    }

    /** Draws the figure: right limbs bright, left limbs dark, trunk in between, head as a disc. */
    static void paint(Graphics2D g, double[][] j, float hue, float thickness, double headSize) {
        g.setStroke(new BasicStroke(thickness, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        draw(g, LEFT, j, Color.getHSBColor(hue, 0.9f, 0.35f));
        draw(g, TRUNK, j, Color.getHSBColor(hue, 0.6f, 0.65f));
        draw(g, RIGHT, j, Color.getHSBColor(hue, 0.5f, 1.0f));
        double cx = (j[8][0] + j[9][0]) / 2;
        double cy = (j[8][1] + j[9][1]) / 2;
        g.setColor(Color.getHSBColor(hue + 0.5f, 0.4f, 0.9f));
        g.fill(new Ellipse2D.Double(cx - headSize / 2, cy - headSize / 2, headSize, headSize));
    }

    private static void draw(Graphics2D g, int[][] limbs, double[][] j, Color c) {
        g.setColor(c);
        for (int[] l : limbs) {
            g.draw(new Line2D.Double(j[l[0]][0], j[l[0]][1], j[l[1]][0], j[l[1]][1]));
        }
    }
}

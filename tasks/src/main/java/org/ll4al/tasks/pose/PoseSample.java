package org.ll4al.tasks.pose;

/**
 * One annotated person of an MPII-layout JSON file.
 *
 * @param image image file name, relative to the images folder
 * @param centerX person center x in image pixels
 * @param centerY person center y in image pixels
 * @param scale person box side / 200 px (the MPII convention)
 * @param joints 16 joints in MPII order, {@code [j][0]} = x, {@code [j][1]} = y, image pixels
 * @param visible per-joint visibility (1 visible, 0 occluded or absent)
 * @param normalize the PCKh head size in image pixels
 */
public record PoseSample(
        String image, double centerX, double centerY, double scale, double[][] joints, float[] visible,
        double normalize) {

    /** A deep copy of the joint coordinates. */
    public double[][] jointsCopy() {
        double[][] c = new double[joints.length][];
        for (int i = 0; i < joints.length; i++) {
            c[i] = joints[i].clone();
        }
        return c;
    }
}

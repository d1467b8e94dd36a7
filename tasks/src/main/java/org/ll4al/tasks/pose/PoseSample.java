package org.ll4al.tasks.pose;

/**
 * One annotated person of an MPII-layout JSON file or of a Leeds Sports Pose {@code joints.mat}
 * (in the MPII joint slots, see {@link LspAnnotations}).
 *
 * <p>MPII distinguishes three states of a joint: visible (annotated, {@code visible = 1});
 * occluded but annotated (real coordinates, {@code visible = 0}); and not annotated at all
 * (no coordinates; {@code annotated = 0}). Training targets and PCKh use every annotated
 * joint, as the standard MPII evaluation does; {@code visible} only feeds the "visible only"
 * PCKh figure.
 *
 * @param image image file name, relative to the images folder
 * @param centerX person center x in image pixels
 * @param centerY person center y in image pixels
 * @param scale person box side / 200 px (the MPII convention)
 * @param joints 16 joints in MPII order, {@code [j][0]} = x, {@code [j][1]} = y, image pixels
 * @param visible per-joint visibility flag of the file (1 visible, 0 occluded or not annotated)
 * @param annotated per-joint annotation flag (1 the joint has real coordinates, 0 it has none)
 * @param normalize the PCKh head size in image pixels (LSP: the neck to head top segment, NaN when
 *     either is not annotated)
 */
public record PoseSample(
        String image,
        double centerX,
        double centerY,
        double scale,
        double[][] joints,
        float[] visible,
        float[] annotated,
        double normalize) {

    /** A deep copy of the joint coordinates. */
    public double[][] jointsCopy() {
        double[][] c = new double[joints.length][];
        for (int i = 0; i < joints.length; i++) {
            c[i] = joints[i].clone();
        }
        return c;
    }

    /** Whether joint {@code k} is annotated (visible or occluded). */
    public boolean isAnnotated(int k) {
        return annotated[k] > 0;
    }

    /** Whether joint {@code k} is annotated and marked visible. */
    public boolean isVisible(int k) {
        return annotated[k] > 0 && visible[k] > 0;
    }
}

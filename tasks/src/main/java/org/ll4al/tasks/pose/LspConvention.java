package org.ll4al.tasks.pose;

/**
 * The two Leeds Sports Pose layouts of {@code joints.mat}, told apart by the orientation of the
 * array, and what their third row (the flag) means. Both list the same 14 joints in the same order.
 *
 * <ul>
 *   <li>{@link #LSP} (Johnson and Everingham, BMVC 2010; 2,000 images {@code im0001.jpg} ...):
 *       {@code 3 x 14 x N}; the flag is an <em>occlusion</em> flag, 0 visible and 1 occluded
 *       (bearpaw/pytorch-pose's {@code miscs/gen_lsp.m} turns it around with
 *       {@code joints(3,:,:) = 1 - joints(3,:,:)} before use, as other LSP loaders do with
 *       {@code logical_not}). Occluded LSP joints carry the annotators' placement and count in
 *       the standard LSP evaluation, which scores all 14 joints of every test image: here they are
 *       annotated (trained and scored), as MPII's occluded joints are.</li>
 *   <li>{@link #LSPE} (Johnson and Everingham, CVPR 2011; 10,000 images {@code im00001.jpg} ...):
 *       {@code 14 x 3 x N}; the flag is a <em>visibility</em> flag, 1 visible and 0 not. The
 *       dataset's README says each image is annotated "with up to 14 visible joint locations";
 *       the coordinates of a joint flagged 0 are not a location (in the file they are mostly
 *       negated, some (0, 0)). bearpaw/pytorch-pose's {@code pose/datasets/lsp.py} draws a target
 *       only where {@code x > 0}, which leaves exactly these joints without one, and derives the
 *       person's box from the visible joints only. Here a joint flagged 0 is not annotated: weight
 *       0 in the loss, not counted in PCK or PCKh.</li>
 * </ul>
 */
public enum LspConvention {

    /** Leeds Sports Pose: {@code 3 x 14 x N}, flag 1 = occluded, images {@code im%04d.jpg}. */
    LSP("LSP", "im%04d.jpg", "3 x 14 x N"),

    /** Leeds Sports Pose Extended: {@code 14 x 3 x N}, flag 1 = visible, images {@code im%05d.jpg}. */
    LSPE("LSPe", "im%05d.jpg", "14 x 3 x N");

    private final String label;
    private final String imagePattern;
    private final String shape;

    LspConvention(String label, String imagePattern, String shape) {
        this.label = label;
        this.imagePattern = imagePattern;
        this.shape = shape;
    }

    /** The dataset's name as printed ("LSP", "LSPe"). */
    public String label() {
        return label;
    }

    /** The image file of person {@code index} (0-based column of {@code joints.mat}). */
    public String imageName(int index) {
        return String.format(imagePattern, index + 1);
    }

    /** The image file name pattern ({@code im%05d.jpg}: 1-based column of {@code joints.mat}). */
    public String imagePattern() {
        return imagePattern;
    }

    /** The array shape this layout has, for messages. */
    public String shape() {
        return shape;
    }

    /** Whether a joint with this flag has usable coordinates (trained and scored). */
    public boolean annotated(double flag) {
        return this == LSP || flag == 1;
    }

    /** Whether a joint with this flag is visible in the image. */
    public boolean visible(double flag) {
        return this == LSP ? flag == 0 : flag == 1;
    }

    /**
     * Whether the person's box is centred on the image (LSP, whose images are cropped around
     * the person; gen_lsp.m's {@code objpos = [w/2, h/2]}) rather than on the visible joints
     * (LSPe, "not tightly cropped" there).
     */
    public boolean centredOnImage() {
        return this == LSP;
    }
}

package org.ll4al.tasks.pose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ll4al.tasks.TaskDataException;

/**
 * Reads the Leeds Sports Pose layout ({@code joints.mat} beside {@code images/}) into people in
 * the MPII joint slots, so that the hourglass, its targets and the crops are those of MPII: the 14
 * LSP joints go to their MPII namesakes ({@link #TO_MPII}; LSP's neck is MPII's upper neck),
 * pelvis and thorax stay not annotated (bearpaw/pytorch-pose interpolates them from the hips and
 * shoulders; here they are left out of loss and metric, as no LSP evaluation scores them).
 *
 * <p>Coordinates become 0-based ({@code x - 1, y - 1}: the file's are MATLAB's 1-based pixels,
 * this suite's crops put pixel centres on whole 0-based numbers). Which joints are annotated
 * follows the file's {@link LspConvention}; the person's box is derived by {@link LspPersonBox};
 * {@code normalize} is the head segment (neck to head top) where both are annotated and apart,
 * else NaN. A person whose visible joints give no box (fewer than two distinct points) is left
 * out and counted.
 *
 * <p>Checked, each failure one {@link TaskDataException} naming the file: the array (see
 * {@link LspJoints}), that every image exists and is an image, and that no annotated joint lies
 * farther than {@link #OUTSIDE_MARGIN} of the image's width or height outside it (two LSPe head
 * tops lie 0.5 and 1.2 px above their images). Many such joints mean the file does not belong to
 * these images: more than {@link #OUTLIER_SHARE} of the annotated joints is an error. Fewer are
 * annotation noise (the whole LSPe has one: a right knee of im08075 at x = 386 in a 241-pixel-wide
 * image) and are treated as not annotated, in loss and metric alike, and counted.
 */
public final class LspAnnotations {

    /** The 14 LSP joints in file order. */
    public static final List<String> NAMES = List.of(
            "r_ankle",
            "r_knee",
            "r_hip",
            "l_hip",
            "l_knee",
            "l_ankle",
            "r_wrist",
            "r_elbow",
            "r_shoulder",
            "l_shoulder",
            "l_elbow",
            "l_wrist",
            "neck",
            "head_top");

    /** The MPII slot of each LSP joint (LSP's neck to MPII's upper neck). */
    public static final int[] TO_MPII = {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, 8, 9};

    /** How far outside its image an annotated joint may lie, as a fraction of the image's side. */
    public static final double OUTSIDE_MARGIN = 0.25;

    /** The share of annotated joints that may lie far outside their images before the file is refused. */
    public static final double OUTLIER_SHARE = 0.001;

    /** The annotation file's name. */
    public static final String FILE = "joints.mat";

    private LspAnnotations() {}

    /**
     * The people of one LSP folder.
     *
     * @param file the joints.mat read
     * @param convention LSP or LSPe
     * @param people the people with a usable box, in file order
     * @param leftOut how many people had no usable box
     * @param outliers annotated joints far outside their image, treated as not annotated
     */
    public record Data(Path file, LspConvention convention, List<PoseSample> people, int leftOut, int outliers) {}

    /**
     * Reads and checks {@code joints.mat} and the images it names.
     *
     * @param file the joints.mat
     * @param images the image folder
     * @throws TaskDataException naming the file, person and what was expected on any problem
     */
    public static Data read(Path file, Path images) {
        LspJoints raw = LspJoints.read(file);
        LspConvention c = raw.convention();
        int n = raw.people();
        double[][][] xy = new double[n][MpiiJoints.COUNT][];
        float[][] visible = new float[n][MpiiJoints.COUNT];
        float[][] annotated = new float[n][MpiiJoints.COUNT];
        boolean[][] seen = new boolean[n][MpiiJoints.COUNT];
        double[][] centres = c.centredOnImage() ? new double[n][] : null;
        List<String> outside = new ArrayList<>();
        int annotatedJoints = 0;
        for (int p = 0; p < n; p++) {
            ImageSize size = size(file, images, c, p);
            for (int k = 0; k < MpiiJoints.COUNT; k++) {
                xy[p][k] = new double[] {0, 0};
            }
            for (int j = 0; j < LspJoints.COUNT; j++) {
                double[] v = raw.values()[p][j];
                int k = TO_MPII[j];
                xy[p][k] = new double[] {v[0] - 1, v[1] - 1};
                annotated[p][k] = c.annotated(v[2]) ? 1f : 0f;
                visible[p][k] = c.visible(v[2]) ? 1f : 0f;
                seen[p][k] = c.visible(v[2]);
                if (annotated[p][k] > 0) {
                    annotatedJoints++;
                    String far = outside(file, c, p, j, v, size);
                    if (far != null) {
                        outside.add(far);
                        annotated[p][k] = 0f;
                        visible[p][k] = 0f;
                        seen[p][k] = false;
                    }
                }
            }
            if (centres != null) {
                centres[p] = new double[] {(size.width() - 1) / 2.0, (size.height() - 1) / 2.0};
            }
        }
        if (outside.size() > OUTLIER_SHARE * annotatedJoints) {
            throw new TaskDataException(outside.get(0) + " (" + outside.size() + " of " + annotatedJoints
                    + " annotated joints lie that far outside; at most " + (int) (OUTLIER_SHARE * annotatedJoints)
                    + " are taken for annotation noise)");
        }
        LspPersonBox.Box[] boxes = LspPersonBox.derive(xy, seen, centres);
        List<PoseSample> people = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            if (boxes[p].usable()) {
                people.add(new PoseSample(
                        c.imageName(p),
                        boxes[p].centerX(),
                        boxes[p].centerY(),
                        boxes[p].scale(),
                        xy[p],
                        visible[p],
                        annotated[p],
                        headSegment(xy[p], annotated[p])));
            }
        }
        return new Data(file, c, List.copyOf(people), n - people.size(), outside.size());
    }

    private static ImageSize size(Path file, Path images, LspConvention c, int p) {
        Path image = images.resolve(c.imageName(p));
        if (!Files.isRegularFile(image)) {
            throw new TaskDataException(file + ": person " + (p + 1) + ": image " + image + " does not exist; expected "
                    + c.imageName(p) + " in " + images + " (" + c.label() + " names the image of column i of "
                    + FILE + " " + c.imagePattern() + ", i from 1)");
        }
        try {
            return ImageSize.of(image);
        } catch (IOException e) {
            throw new TaskDataException(
                    file + ": person " + (p + 1) + ": cannot read image " + image + ": " + e.getMessage(), e);
        }
    }

    /** Why the joint lies too far outside its image, or null when it does not. */
    private static String outside(Path file, LspConvention c, int p, int j, double[] v, ImageSize size) {
        double mx = OUTSIDE_MARGIN * size.width();
        double my = OUTSIDE_MARGIN * size.height();
        double x = v[0] - 1;
        double y = v[1] - 1;
        boolean inside = Double.isFinite(x)
                && Double.isFinite(y)
                && x >= -0.5 - mx
                && x <= size.width() - 0.5 + mx
                && y >= -0.5 - my
                && y <= size.height() - 0.5 + my;
        if (inside) {
            return null;
        }
        return String.format(
                "%s: person %d (%s, %d x %d px): joint %s at (%s, %s) (1-based, as in the file) lies outside the"
                        + " image by more than %.0f%% of its size; expected the %s joints of that image",
                file,
                p + 1,
                c.imageName(p),
                size.width(),
                size.height(),
                NAMES.get(j),
                v[0],
                v[1],
                100 * OUTSIDE_MARGIN,
                c.label());
    }

    /** Neck to head top where both are annotated and apart, else NaN. */
    static double headSegment(double[][] xy, float[] annotated) {
        return segment(xy, annotated, MpiiJoints.UPPER_NECK, MpiiJoints.HEAD_TOP);
    }

    /** The length between two annotated joints, NaN when either is not annotated or they coincide. */
    static double segment(double[][] xy, float[] annotated, int a, int b) {
        if (annotated[a] <= 0 || annotated[b] <= 0) {
            return Double.NaN;
        }
        double dx = xy[a][0] - xy[b][0];
        double dy = xy[a][1] - xy[b][1];
        double d = Math.sqrt(dx * dx + dy * dy);
        return d > 0 ? d : Double.NaN;
    }
}

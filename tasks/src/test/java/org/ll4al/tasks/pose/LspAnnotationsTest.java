package org.ll4al.tasks.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.tasks.TaskDataException;

/** The LSP folder reader on generated folders of both layouts and on the real lspet-1000. */
class LspAnnotationsTest {

    @TempDir
    Path dir;

    /** ../shared/data/lspet-1000, or the test is skipped with a message. */
    static Path lspet() {
        String shared = System.getProperty("ll4al.shared.data");
        Path p = shared == null ? null : Path.of(shared, "lspet-1000");
        Assumptions.assumeTrue(
                p != null && Files.isRegularFile(p.resolve("joints.mat")),
                "shared LSPe data not found at " + p + " (set -Dll4al.shared.data); skipping");
        return p;
    }

    @Test
    void lspeFlagZeroIsNotAnnotatedAndLspFlagOneIsOccluded() throws Exception {
        for (LspConvention c : LspConvention.values()) {
            Path root = dir.resolve(c.name());
            double[][][] v = LspWriter.write(root, c, 6, 3);
            LspAnnotations.Data d = LspAnnotations.read(root.resolve("joints.mat"), root.resolve("images"));
            assertEquals(c, d.convention());
            assertEquals(6, d.people().size());
            assertEquals(0, d.leftOut());
            PoseSample first = d.people().get(0);
            assertEquals(c.imageName(0), first.image());
            int wrist = LspAnnotations.TO_MPII[11];
            assertEquals(15, wrist, "LSP's left wrist is MPII's");
            assertEquals(c == LspConvention.LSP, first.isAnnotated(wrist), c + ": flagged left wrist annotated?");
            assertFalse(first.isVisible(wrist), c + ": flagged left wrist is not visible");
            assertTrue(d.people().get(1).isVisible(wrist));
            for (PoseSample s : d.people()) {
                assertFalse(
                        s.isAnnotated(MpiiJoints.PELVIS) || s.isAnnotated(MpiiJoints.THORAX),
                        "pelvis and thorax are not LSP joints");
            }
            PoseSample second = d.people().get(1);
            for (int k = 0; k < 14; k++) {
                int slot = LspAnnotations.TO_MPII[k];
                assertEquals(
                        v[1][k][0] - 1, second.joints()[slot][0], 0, "0-based x of " + LspAnnotations.NAMES.get(k));
                assertEquals(
                        v[1][k][1] - 1, second.joints()[slot][1], 0, "0-based y of " + LspAnnotations.NAMES.get(k));
            }
            double head = Math.hypot(v[1][12][0] - v[1][13][0], v[1][12][1] - v[1][13][1]);
            assertEquals(head, second.normalize(), 1e-9, "normalize is the head segment");
            if (c == LspConvention.LSP) {
                assertEquals((LspWriter.WIDTH - 1) / 2.0, second.centerX(), 0, "LSP: centred on the image");
            } else {
                assertTrue(second.centerX() > 20 && second.centerX() < 76, "LSPe: on the visible joints");
            }
            assertTrue(second.scale() > 0.2 && second.scale() < 2, "a box about the figure: scale " + second.scale());
        }
    }

    @Test
    void aMissingImageNamesItAndTheNamingRule() throws Exception {
        Path root = dir.resolve("missing");
        LspWriter.write(root, LspConvention.LSPE, 4, 1);
        Files.delete(root.resolve("images/im00003.jpg"));
        TaskDataException e = assertThrows(
                TaskDataException.class, () -> LspAnnotations.read(root.resolve("joints.mat"), root.resolve("images")));
        assertTrue(e.getMessage().startsWith(root.resolve("joints.mat").toString()), e.getMessage());
        assertTrue(
                e.getMessage().contains("person 3")
                        && e.getMessage().contains("im00003.jpg does not exist")
                        && e.getMessage().contains("im%05d.jpg"),
                e.getMessage());
    }

    @Test
    void aJointFarOutsideItsImageIsRefused() throws Exception {
        Path root = dir.resolve("outside");
        double[][][] v = LspWriter.write(root, LspConvention.LSP, 3, 2);
        v[1][0][0] = 3 * LspWriter.WIDTH;
        LspWriter.writeMat(root.resolve("joints.mat"), "joints", LspWriter.matrix(LspConvention.LSP, v));
        TaskDataException e = assertThrows(
                TaskDataException.class, () -> LspAnnotations.read(root.resolve("joints.mat"), root.resolve("images")));
        assertTrue(
                e.getMessage().contains("person 2 (im0002.jpg, 96 x 128 px)")
                        && e.getMessage().contains("r_ankle")
                        && e.getMessage().contains("outside the image"),
                e.getMessage());
        v[1][0][0] = LspWriter.WIDTH + 3;
        LspWriter.writeMat(root.resolve("joints.mat"), "joints", LspWriter.matrix(LspConvention.LSP, v));
        assertEquals(
                3,
                LspAnnotations.read(root.resolve("joints.mat"), root.resolve("images"))
                        .people()
                        .size(),
                "a joint just past the border, as in the real LSPe, is kept");
    }

    @Test
    void aRareJointFarOutsideIsAnnotationNoiseTakenAsNotAnnotated() throws Exception {
        Path root = dir.resolve("noise");
        int people = 80; // 1,120 annotated joints: one may lie far outside (OUTLIER_SHARE), two may not
        double[][][] v = LspWriter.write(root, LspConvention.LSP, people, 3);
        v[7][1][0] = 4 * LspWriter.WIDTH;
        LspWriter.writeMat(root.resolve("joints.mat"), "joints", LspWriter.matrix(LspConvention.LSP, v));
        LspAnnotations.Data d = LspAnnotations.read(root.resolve("joints.mat"), root.resolve("images"));
        assertEquals(1, d.outliers());
        assertEquals(people, d.people().size());
        PoseSample p = d.people().get(7);
        assertFalse(p.isAnnotated(LspAnnotations.TO_MPII[1]), "the far joint is neither trained on nor scored");
        assertTrue(p.isAnnotated(LspAnnotations.TO_MPII[0]), "the person's other joints are kept");
        v[9][2][1] = -3 * LspWriter.HEIGHT;
        LspWriter.writeMat(root.resolve("joints.mat"), "joints", LspWriter.matrix(LspConvention.LSP, v));
        TaskDataException e = assertThrows(
                TaskDataException.class, () -> LspAnnotations.read(root.resolve("joints.mat"), root.resolve("images")));
        assertTrue(e.getMessage().contains("2 of 1120 annotated joints"), e.getMessage());
    }

    @Test
    void aPersonWithOneVisibleJointHasNoBoxAndIsLeftOut() throws Exception {
        Path root = dir.resolve("lonely");
        double[][][] v = LspWriter.write(root, LspConvention.LSPE, 4, 5);
        for (int k = 1; k < 14; k++) {
            v[2][k][2] = 0;
        }
        LspWriter.writeMat(root.resolve("joints.mat"), "joints", LspWriter.matrix(LspConvention.LSPE, v));
        LspAnnotations.Data d = LspAnnotations.read(root.resolve("joints.mat"), root.resolve("images"));
        assertEquals(1, d.leftOut());
        assertEquals(
                List.of("im00001.jpg", "im00002.jpg", "im00004.jpg"),
                d.people().stream().map(PoseSample::image).toList());
    }

    @Test
    void realLspetThousand() {
        Path root = lspet();
        LspAnnotations.Data d = LspAnnotations.read(root.resolve("joints.mat"), root.resolve("images"));
        assertEquals(LspConvention.LSPE, d.convention(), "14 x 3 x 1000 is the LSPe layout");
        assertEquals(1000, d.people().size(), "every person has a box");
        long annotated = 0;
        for (PoseSample s : d.people()) {
            for (int k = 0; k < MpiiJoints.COUNT; k++) {
                annotated += s.isAnnotated(k) ? 1 : 0;
                assertEquals(s.isAnnotated(k), s.isVisible(k), "LSPe: annotated exactly when visible");
            }
        }
        assertEquals(12_287, annotated, "the visible joints of SOURCE.txt");
        PoseSample first = d.people().get(0);
        assertFalse(first.isAnnotated(0), "im00001's right ankle is flagged invisible");
        assertEquals(26.030943518527007 - 1, first.joints()[1][0], 1e-12, "right knee, 0-based");
        assertEquals(
                798,
                d.people().stream().filter(s -> !Double.isNaN(s.normalize())).count(),
                "799 people with neck and head top visible, one of them with both at one point");
    }
}

package org.ll4al.tasks.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.tasks.TaskDataException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

/** joints.mat: the orientation names the layout; any other shape, type or flag is one clear error. */
class LspJointsTest {

    @TempDir
    Path dir;

    private static double[][][] values(int n) {
        double[][][] v = new double[n][14][3];
        for (int p = 0; p < n; p++) {
            for (int k = 0; k < 14; k++) {
                v[p][k] = new double[] {10 + k + 100 * p, 20 + 2 * k, (p + k) % 2};
            }
        }
        return v;
    }

    private TaskDataException refused(Path file) {
        TaskDataException e = assertThrows(TaskDataException.class, () -> LspJoints.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e;
    }

    @Test
    void bothOrientationsAreReadAndNamedByTheirShape() throws Exception {
        double[][][] v = values(3);
        for (LspConvention c : LspConvention.values()) {
            Path file = dir.resolve(c + ".mat");
            LspWriter.writeMat(file, "joints", LspWriter.matrix(c, v));
            LspJoints j = LspJoints.read(file);
            assertEquals(c, j.convention());
            assertEquals(3, j.people());
            for (int p = 0; p < 3; p++) {
                for (int k = 0; k < 14; k++) {
                    assertArrayEquals(v[p][k], j.values()[p][k], 0, c + " person " + p + " joint " + k);
                }
            }
        }
    }

    @Test
    void aSinglePersonFileIsTwoDimensional() throws Exception {
        Path file = dir.resolve("one.mat");
        LspWriter.writeMat(file, "joints", LspWriter.matrix(LspConvention.LSPE, values(1)));
        LspJoints j = LspJoints.read(file);
        assertEquals(1, j.people());
        assertEquals(LspConvention.LSPE, j.convention());
        assertEquals(23.0, j.values()[0][13][0]);
    }

    @Test
    void anotherShapeIsRefusedNamingBothLayouts() throws Exception {
        Path file = dir.resolve("shape.mat");
        LspWriter.writeMat(file, "joints", Mat5.newMatrix(new int[] {14, 2, 5}));
        String m = refused(file).getMessage();
        assertTrue(m.contains("14 x 2 x 5") && m.contains("14 x 3 x N (LSPe)") && m.contains("3 x 14 x N (LSP)"), m);
        LspWriter.writeMat(file, "joints", Mat5.newMatrix(new int[] {16, 3, 5}));
        assertTrue(refused(file).getMessage().contains("16 x 3 x 5"));
    }

    @Test
    void anotherTypeIsRefused() throws Exception {
        Path file = dir.resolve("type.mat");
        LspWriter.writeMat(file, "joints", Mat5.newMatrix(new int[] {14, 3, 2}, MatlabType.Int32));
        String m = refused(file).getMessage();
        assertTrue(m.contains("int32") && m.contains("real double array"), m);
        LspWriter.writeMat(file, "joints", Mat5.newString("not joints"));
        assertTrue(refused(file).getMessage().contains("char"));
        Matrix complex = Mat5.newComplex(new int[] {14, 3, 2});
        LspWriter.writeMat(file, "joints", complex);
        assertTrue(refused(file).getMessage().contains("complex"));
    }

    @Test
    void aMissingVariableListsWhatTheFileHolds() throws Exception {
        Path file = dir.resolve("other.mat");
        LspWriter.writeMat(file, "annot", LspWriter.matrix(LspConvention.LSPE, values(2)));
        String m = refused(file).getMessage();
        assertTrue(m.contains("no variable 'joints'") && m.contains("annot"), m);
    }

    @Test
    void aFlagOtherThanZeroOrOneNamesPersonAndJoint() throws Exception {
        double[][][] v = values(3);
        v[2][12][2] = 2;
        Path file = dir.resolve("flag.mat");
        LspWriter.writeMat(file, "joints", LspWriter.matrix(LspConvention.LSP, v));
        String m = refused(file).getMessage();
        assertTrue(m.contains("person 3") && m.contains("neck") && m.contains("expected 0 or 1"), m);
    }

    @Test
    void aFileThatIsNoMatFileIsRefused() throws Exception {
        Path file = dir.resolve("text.mat");
        Files.writeString(file, "x, y, visible\n1, 2, 1\n");
        assertTrue(refused(file).getMessage().contains("MAT-file"));
        assertTrue(refused(dir.resolve("absent.mat")).getMessage().contains("does not exist"));
    }
}

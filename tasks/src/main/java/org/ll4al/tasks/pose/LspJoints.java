package org.ll4al.tasks.pose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ll4al.tasks.TaskDataException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

/**
 * The {@code joints} array of a Leeds Sports Pose {@code joints.mat}, read with the MAT File
 * Library (mfl-core) and checked: a real double (or single) array of {@code 14 x 3 x N} (LSPe) or
 * {@code 3 x 14 x N} (LSP), whose orientation names the {@link LspConvention}, with flags 0 or 1.
 *
 * @param file the file read
 * @param convention the layout its orientation names
 * @param values {@code [person][joint][0..2]}: x, y (1-based pixels, as in the file) and the flag
 */
public record LspJoints(Path file, LspConvention convention, double[][][] values) {

    /** Joints per person. */
    public static final int COUNT = 14;

    /** The variable that holds the annotations. */
    public static final String VARIABLE = "joints";

    /** Number of people (columns of the file). */
    public int people() {
        return values.length;
    }

    /**
     * Reads and checks a {@code joints.mat}.
     *
     * @throws TaskDataException naming the file and what was expected on any problem
     */
    public static LspJoints read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TaskDataException(file + " does not exist");
        }
        try (Mat5File mat = Mat5.readFromFile(file.toFile())) {
            return of(file, find(file, mat));
        } catch (IOException | RuntimeException e) {
            if (e instanceof TaskDataException t) {
                throw t;
            }
            throw new TaskDataException(
                    file + ": not a readable MATLAB 5 MAT-file (" + e.getClass().getSimpleName()
                            + ": " + e.getMessage()
                            + "); expected the Leeds Sports Pose joints.mat (a MAT-file of format 5,"
                            + " as MATLAB's save -v7 or scipy's savemat write it)",
                    e);
        }
    }

    private static Array find(Path file, MatFile mat) {
        StringBuilder names = new StringBuilder();
        for (MatFile.Entry e : mat.getEntries()) {
            if (e.getName().equals(VARIABLE)) {
                return e.getValue();
            }
            names.append(names.length() == 0 ? "" : ", ").append(e.getName());
        }
        throw new TaskDataException(file + ": no variable '" + VARIABLE + "' (it holds: "
                + (names.length() == 0 ? "nothing" : names) + "); expected " + expected());
    }

    private static String expected() {
        return "a real double array '" + VARIABLE + "' of " + LspConvention.LSPE.shape() + " (LSPe) or "
                + LspConvention.LSP.shape() + " (LSP): x, y and a flag for 14 joints of N people";
    }

    private static LspJoints of(Path file, Array a) {
        MatlabType type = a.getType();
        if (!(a instanceof Matrix m)
                || (type != MatlabType.Double && type != MatlabType.Single)
                || m.isComplex()
                || m.isLogical()) {
            throw new TaskDataException(file + ": '" + VARIABLE + "' is a " + describe(a) + "; expected " + expected());
        }
        int[] d = a.getDimensions();
        int n = d.length == 2 ? 1 : d.length == 3 ? d[2] : -1;
        LspConvention c = n < 1
                ? null
                : d[0] == COUNT && d[1] == 3
                        ? LspConvention.LSPE
                        : d[0] == 3 && d[1] == COUNT ? LspConvention.LSP : null;
        if (c == null) {
            throw new TaskDataException(file + ": '" + VARIABLE + "' is a " + describe(a) + "; expected " + expected());
        }
        double[][][] v = new double[n][COUNT][3];
        for (int p = 0; p < n; p++) {
            for (int j = 0; j < COUNT; j++) {
                for (int r = 0; r < 3; r++) {
                    int[] at = c == LspConvention.LSPE ? new int[] {j, r, p} : new int[] {r, j, p};
                    v[p][j][r] = m.getDouble(d.length == 2 ? Arrays.copyOf(at, 2) : at);
                }
                double flag = v[p][j][2];
                if (flag != 0 && flag != 1) {
                    throw new TaskDataException(file + ": person " + (p + 1) + ", joint " + LspAnnotations.NAMES.get(j)
                            + ": flag " + flag + "; expected 0 or 1 (" + c.label() + ")");
                }
            }
        }
        return new LspJoints(file, c, v);
    }

    private static String describe(Array a) {
        StringBuilder s = new StringBuilder();
        for (int x : a.getDimensions()) {
            s.append(s.length() == 0 ? "" : " x ").append(x);
        }
        String kind = a instanceof Matrix m && m.isComplex()
                ? "complex "
                : a instanceof Matrix m && m.isLogical() ? "logical " : "";
        return s + " " + kind + a.getType() + " array";
    }
}

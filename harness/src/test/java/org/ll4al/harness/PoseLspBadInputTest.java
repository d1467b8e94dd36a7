package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.tasks.pose.LspConvention;
import org.ll4al.tasks.pose.LspWriter;

/**
 * A bad Leeds Sports Pose folder (joints.mat of another shape or type, a missing image, a joint
 * outside its image, neither layout) ends the pose run with one error line naming the file and
 * what was expected, exit status 2, and nothing written into the results folder.
 */
class PoseLspBadInputTest {

    @TempDir
    Path tmp;

    private Properties smoke(Path data, Path out) {
        Properties p = new Properties();
        p.setProperty("task", "pose");
        p.setProperty("preset", "smoke");
        p.setProperty("data", data.toString());
        p.setProperty("out", out.toString());
        p.setProperty("device", "cpu");
        return p;
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private void assertRefused(Path data, String... mentions) throws Exception {
        RunFixture f = new RunFixture(tmp);
        Path out = Files.createDirectories(tmp.resolve("out-" + data.getFileName()));
        Files.writeString(out.resolve("notes.txt"), "kept");
        assertEquals(2, f.run(smoke(data, out)), f.stdout + f.stderr);
        String err = f.stderr.strip();
        assertTrue(err.startsWith("error: "), err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        for (String m : mentions) {
            assertTrue(err.contains(m), "'" + m + "' in: " + err);
        }
        assertEquals(List.of("", "notes.txt"), listing(out), "nothing written into the results folder");
        assertEquals("kept", Files.readString(out.resolve("notes.txt")));
    }

    private Path folder(String name) throws Exception {
        Path d = tmp.resolve(name);
        LspWriter.write(d, LspConvention.LSPE, 30, 2);
        return d;
    }

    @Test
    void jointsOfAnotherShapeOrType() throws Exception {
        Path shape = folder("shape");
        LspWriter.writeZeros(shape.resolve("joints.mat"), 14, 2, 30);
        assertRefused(shape, shape.resolve("joints.mat").toString(), "14 x 2 x 30", "14 x 3 x N (LSPe)");
        Path type = folder("type");
        LspWriter.writeText(type.resolve("joints.mat"), "joints");
        assertRefused(type, type.resolve("joints.mat").toString(), "char", "real double array");
    }

    @Test
    void aMissingImageOrAJointOutsideItsImage() throws Exception {
        Path missing = folder("missing");
        Files.delete(missing.resolve("images/im00017.jpg"));
        assertRefused(missing, missing.resolve("joints.mat").toString(), "person 17", "im00017.jpg does not exist");
        Path outside = tmp.resolve("outside");
        double[][][] v = LspWriter.write(outside, LspConvention.LSP, 30, 2);
        v[4][13][1] = -200;
        LspWriter.writeMat(outside.resolve("joints.mat"), "joints", LspWriter.matrix(LspConvention.LSP, v));
        assertRefused(outside, outside.resolve("joints.mat").toString(), "person 5", "head_top", "outside the image");
    }

    @Test
    void aFolderOfNeitherLayout() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("neither"));
        Files.writeString(empty.resolve("labels.csv"), "x,y\n");
        assertRefused(empty, "no pose data", "train.json", "joints.mat");
    }
}

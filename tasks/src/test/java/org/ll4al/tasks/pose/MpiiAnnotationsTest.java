package org.ll4al.tasks.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.tasks.TaskDataException;

class MpiiAnnotationsTest {

    @TempDir
    Path dir;

    private static String entry(String image, int joints) {
        StringBuilder j = new StringBuilder();
        StringBuilder v = new StringBuilder();
        for (int k = 0; k < joints; k++) {
            j.append(k == 0 ? "" : ",")
                    .append("[")
                    .append(10 + k)
                    .append(",")
                    .append(20 + k)
                    .append("]");
            v.append(k == 0 ? "" : ",").append(k % 2);
        }
        return "{\"image\":\"" + image + "\",\"center\":[30,40],\"scale\":1.5,\"joints\":[" + j + "],\"joints_vis\":["
                + v + "],\"normalize\":12.5}";
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsEntries() throws IOException {
        Files.createDirectories(dir.resolve("images"));
        Files.writeString(dir.resolve("images/a.jpg"), "x");
        Path json = write("ok.json", "[" + entry("a.jpg", 16) + "," + entry("a.jpg", 16) + "]");
        List<PoseSample> s = MpiiAnnotations.read(json, dir.resolve("images"));
        assertEquals(2, s.size());
        assertEquals(12.5, s.get(0).normalize());
        assertEquals(1.5, s.get(0).scale());
        assertEquals(25.0, s.get(1).joints()[15][0]);
        assertEquals(1f, s.get(1).visible()[15]);
        assertEquals(0f, s.get(1).visible()[14]);
    }

    @Test
    void badJsonNamesTheFile() throws IOException {
        Path json = write("broken.json", "[" + entry("a.jpg", 16) + ", {\"image\": ");
        TaskDataException e = assertThrows(TaskDataException.class, () -> MpiiAnnotations.read(json, null));
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void fifteenJointsNameFileAndEntry() throws IOException {
        Path json = write("short.json", "[" + entry("a.jpg", 16) + "," + entry("a.jpg", 15) + "]");
        TaskDataException e = assertThrows(TaskDataException.class, () -> MpiiAnnotations.read(json, null));
        assertTrue(e.getMessage().contains("short.json: entry 1"), e.getMessage());
        assertTrue(e.getMessage().contains("got 15"), e.getMessage());
    }

    @Test
    void missingImageNamesFileEntryAndImage() throws IOException {
        Files.createDirectories(dir.resolve("images"));
        Files.writeString(dir.resolve("images/a.jpg"), "x");
        Path json = write(
                "train.json", "[" + entry("a.jpg", 16) + "," + entry("a.jpg", 16) + "," + entry("gone.jpg", 16) + "]");
        TaskDataException e =
                assertThrows(TaskDataException.class, () -> MpiiAnnotations.read(json, dir.resolve("images")));
        assertTrue(e.getMessage().contains("train.json: entry 2"), e.getMessage());
        assertTrue(e.getMessage().contains("gone.jpg"), e.getMessage());
    }

    @Test
    void missingNormalizeFallsBackToTheHeadSegment() throws IOException {
        Path json = write("nonorm.json", "[" + entry("a.jpg", 16).replace(",\"normalize\":12.5", "") + "]");
        PoseSample s = MpiiAnnotations.read(json, null).get(0);
        assertEquals(0.75 * Math.sqrt(2), s.normalize(), 1e-9);
    }

    @Test
    void occludedJointsAreAnnotatedAndZeroOrMinusOneMarksAreNot() throws IOException {
        String e = entry("a.jpg", 16)
                .replace("[10,20]", "[0,0]") // joint 0: (0, 0), stacked-hourglass mark of "not annotated"
                .replace("[12,22]", "[-1,-1]") // joint 2: (-1, -1) with joints_vis 0, HRNet/mmpose mark
                .replace("[13,23]", "[-1,-1]"); // joint 3: (-1, -1) but joints_vis 1: a real point
        PoseSample s =
                MpiiAnnotations.read(write("marks.json", "[" + e + "]"), null).get(0);
        assertEquals(0f, s.annotated()[0]);
        assertEquals(1f, s.annotated()[1], "joint 1: joints_vis 1");
        assertEquals(0f, s.annotated()[2]);
        assertEquals(1f, s.annotated()[3]);
        assertEquals(1f, s.annotated()[4], "joint 4: joints_vis 0 with real coordinates = occluded, annotated");
        assertTrue(s.isAnnotated(4) && !s.isVisible(4));
        assertTrue(s.isVisible(5));
    }

    @Test
    void headSizeThatCannotBeDerivedNamesFileAndEntry() throws IOException {
        String noNorm = entry("a.jpg", 16).replace(",\"normalize\":12.5", "").replace("[19,29]", "[0,0]");
        Path json = write("nohead.json", "[" + entry("a.jpg", 16) + "," + noNorm + "]");
        TaskDataException e = assertThrows(TaskDataException.class, () -> MpiiAnnotations.read(json, null));
        assertTrue(e.getMessage().contains("nohead.json: entry 1"), e.getMessage());
        assertTrue(e.getMessage().contains("head top"), e.getMessage());
        Path zero = write("zero.json", "[" + entry("a.jpg", 16).replace("12.5", "0") + "]");
        e = assertThrows(TaskDataException.class, () -> MpiiAnnotations.read(zero, null));
        assertTrue(
                e.getMessage().contains("zero.json: entry 0") && e.getMessage().contains("positive"), e.getMessage());
    }
}

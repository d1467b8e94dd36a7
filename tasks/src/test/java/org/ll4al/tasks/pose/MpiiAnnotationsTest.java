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

    @TempDir Path dir;

    private static String entry(String image, int joints) {
        StringBuilder j = new StringBuilder();
        StringBuilder v = new StringBuilder();
        for (int k = 0; k < joints; k++) {
            j.append(k == 0 ? "" : ",").append("[").append(10 + k).append(",").append(20 + k).append("]");
            v.append(k == 0 ? "" : ",").append(k % 2);
        }
        return "{\"image\":\"" + image + "\",\"center\":[30,40],\"scale\":1.5,\"joints\":[" + j
                + "],\"joints_vis\":[" + v + "],\"normalize\":12.5}";
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
        Path json = write("train.json", "[" + entry("a.jpg", 16) + "," + entry("a.jpg", 16) + ","
                + entry("gone.jpg", 16) + "]");
        TaskDataException e = assertThrows(TaskDataException.class,
                () -> MpiiAnnotations.read(json, dir.resolve("images")));
        assertTrue(e.getMessage().contains("train.json: entry 2"), e.getMessage());
        assertTrue(e.getMessage().contains("gone.jpg"), e.getMessage());
    }

    @Test
    void missingNormalizeFallsBackToTheHeadSegment() throws IOException {
        Path json = write("nonorm.json", "[" + entry("a.jpg", 16).replace(",\"normalize\":12.5", "") + "]");
        PoseSample s = MpiiAnnotations.read(json, null).get(0);
        assertEquals(0.75 * Math.sqrt(2), s.normalize(), 1e-9);
    }
}

package org.ll4al.tasks.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.selection.SubsetSampler;
import org.ll4al.tasks.TaskDataException;

class VocReaderTest {

    @TempDir
    Path dir;

    private Path voc() throws Exception {
        return TinyVoc.write(dir, 3, 2);
    }

    private TaskDataException loadFails() {
        return assertThrows(TaskDataException.class, () -> new DetectionTask(TinyVoc.config(dir, 64, 0.125, Map.of())));
    }

    @Test
    void readsBoxesLabelsAndDifficultFlags() throws Exception {
        Path voc = voc();
        Files.writeString(
                voc.resolve("Annotations/000002.xml"),
                TinyVoc.xml(
                        "000002.jpg",
                        100,
                        50,
                        TinyVoc.object("dog", 11, 6, 61, 26, false) + TinyVoc.object("person", 1, 1, 100, 50, true)));
        VocReader r = new VocReader(dir, List.of("car", "dog", "person"));
        List<VocAnnotation> all = r.read("2007:train, 2007:val");
        assertEquals(5, all.size());
        VocAnnotation a = all.get(1);
        assertEquals("2007/000002", a.id());
        assertEquals(1, a.labels()[0]);
        assertEquals(2, a.labels()[1]);
        assertFalse(a.difficult()[0]);
        assertTrue(a.difficult()[1]);
        assertEquals(0.1f, a.boxes()[0][0], 1e-6);
        assertEquals(0.1f, a.boxes()[0][1], 1e-6);
        assertEquals(0.6f, a.boxes()[0][2], 1e-6);
        assertEquals(0.5f, a.boxes()[0][3], 1e-6);
    }

    @Test
    void externalEntitiesAreNotResolved() throws Exception {
        Path voc = voc();
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "car");
        Files.writeString(
                voc.resolve("Annotations/000001.xml"),
                "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                        + TinyVoc.xml("000001.jpg", 80, 60, TinyVoc.object("&x;", 1, 1, 20, 20, false)));
        TaskDataException e = loadFails();
        assertTrue(e.getMessage().contains("000001.xml"), e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void malformedXmlNamesTheFile() throws Exception {
        Files.writeString(voc().resolve("Annotations/000002.xml"), "<annotation><size><width>3</wid");
        TaskDataException e = loadFails();
        assertTrue(e.getMessage().contains("000002.xml") && e.getMessage().contains("malformed"), e.getMessage());
    }

    @Test
    void unknownClassNamesTheFileAndClass() throws Exception {
        Files.writeString(
                voc().resolve("Annotations/000003.xml"),
                TinyVoc.xml("000003.jpg", 80, 60, TinyVoc.object("unicorn", 1, 1, 20, 20, false)));
        TaskDataException e = loadFails();
        assertTrue(e.getMessage().contains("000003.xml") && e.getMessage().contains("unicorn"), e.getMessage());
    }

    @Test
    void missingJpegNamesTheFile() throws Exception {
        Files.delete(voc().resolve("JPEGImages/000001.jpg"));
        TaskDataException e = loadFails();
        assertTrue(e.getMessage().contains("000001.jpg") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void boxOutsideTheImageNamesTheFile() throws Exception {
        Files.writeString(
                voc().resolve("Annotations/000002.xml"),
                TinyVoc.xml("000002.jpg", 80, 60, TinyVoc.object("car", 10, 10, 81, 30, false)));
        TaskDataException e = loadFails();
        assertTrue(e.getMessage().contains("000002.xml") && e.getMessage().contains("outside"), e.getMessage());
    }

    @Test
    void missingFolderSaysWhereToGetVoc() {
        TaskDataException e = assertThrows(
                TaskDataException.class,
                () -> new DetectionTask(TinyVoc.config(dir.resolve("nothing"), 64, 0.125, Map.of())));
        assertTrue(e.getMessage().contains("host.robots.ox.ac.uk/pascal/VOC/"), e.getMessage());
        assertTrue(e.getMessage().contains("VOCdevkit/VOC<year>"), e.getMessage());
        TaskDataException split = assertThrows(
                TaskDataException.class,
                () -> new DetectionTask(TinyVoc.config(dir, 64, 0.125, Map.of("trainSplit", "2012:trainval"))));
        assertTrue(split.getMessage().contains("VOC2012"), split.getMessage());
    }

    @Test
    void limitsPickADeterministicSubset() throws Exception {
        voc();
        List<VocAnnotation> all = new VocReader(dir, List.of("car", "dog", "person")).read("2007:train,2007:val");
        List<VocAnnotation> a = SubsetSampler.limit(all, 3, 11);
        assertEquals(3, a.size());
        assertEquals(a, SubsetSampler.limit(all, 3, 11));
        assertEquals(all, SubsetSampler.limit(all, 0, 11));
    }
}

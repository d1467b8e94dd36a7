package org.ll4al.tasks.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RealVocTest {

    @Test
    void sharedVoc2007TrainSplitHas1200ImagesAndTheKnownCarOf000012() {
        String shared = System.getProperty("ll4al.shared.data");
        Path voc = shared == null ? null : Path.of(shared, "voc");
        Assumptions.assumeTrue(voc != null && Files.isDirectory(voc),
                "shared VOC data not found at " + voc + " (set -Dll4al.shared.data)");
        VocReader reader = new VocReader(voc, List.of());
        List<VocAnnotation> train = reader.read("2007:train");
        assertEquals(1200, train.size());
        assertEquals(400, reader.read("2007:val").size());
        VocAnnotation a = train.stream().filter(x -> x.id().equals("2007/000012")).findFirst().orElseThrow();
        assertEquals(500, a.width());
        assertEquals(333, a.height());
        assertEquals(1, a.size());
        assertEquals(VocReader.VOC_CLASSES.indexOf("car"), a.labels()[0]);
        // official box 156 97 351 270 (1-based pixels)
        assertArrayEquals(new float[] {155f / 500, 96f / 333, 350f / 500, 269f / 333}, a.boxes()[0], 1e-6f);
        byte[] px = VocImages.load(a, 32);
        assertEquals(32 * 32 * 3, px.length);
    }
}

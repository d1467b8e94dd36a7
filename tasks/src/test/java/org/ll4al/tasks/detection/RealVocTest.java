package org.ll4al.tasks.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ll4al.selection.PoolView;
import org.ll4al.selection.Signal;
import org.ll4al.tasks.TaskConfig;
import org.ll4al.tasks.training.ActiveLearner;
import org.ll4al.tasks.training.EpochListener;
import org.ll4al.tasks.training.Evaluation;
import org.ll4al.tasks.training.TrainSettings;

class RealVocTest {

    private static Path voc() {
        String shared = System.getProperty("ll4al.shared.data");
        Path voc = shared == null ? null : Path.of(shared, "voc");
        Assumptions.assumeTrue(
                voc != null && Files.isDirectory(voc),
                "shared VOC data not found at " + voc + " (set -Dll4al.shared.data)");
        return voc;
    }

    @Test
    void smokePresetRunsACycleOnTheRealData() {
        Map<String, String> p = new DetectionTaskProvider().preset("smoke");
        TaskConfig c = new DetectionTaskProvider()
                .config(
                        Map.of(
                                "data",
                                voc().toString(),
                                "width",
                                p.get("width"),
                                "poolLimit",
                                p.get("poolLimit"),
                                "evalLimit",
                                p.get("evalLimit"),
                                "imageSize",
                                p.get("imageSize"),
                                "trainSplit",
                                p.get("trainSplit"),
                                "evalSplit",
                                p.get("evalSplit"),
                                "apMethod",
                                "area"),
                        1);
        try (DetectionTask task = new DetectionTask(c)) {
            assertEquals(40, task.poolSize());
            assertEquals(16, task.evalSize());
            assertEquals("mAP_area", task.metricName());
            assertTrue(task.describe().contains("from scratch"), task.describe());
            TrainSettings s = TrainSettings.builder()
                    .setEpochs(1)
                    .setBatch(4)
                    .setLr(0.001f)
                    .optMilestones(1)
                    .optDetachEpoch(1)
                    .build();
            try (ActiveLearner l = ActiveLearner.create(task, s, Device.cpu(), 1)) {
                int[] labeled = {0, 1, 2, 3, 4, 5, 6, 7};
                assertTrue(Double.isFinite(
                        l.train(labeled, new Random(2), EpochListener.NONE).lastTaskLoss()));
                PoolView v = l.score(new int[] {10, 11, 12, 13}, labeled, Set.of(Signal.ENTROPY, Signal.EMBEDDING));
                assertEquals(4, v.scores(Signal.ENTROPY).length);
                assertEquals(8, v.labeledEmbeddings().length);
                Evaluation ev = l.evaluate();
                assertTrue(ev.metric() >= 0 && ev.metric() <= 1);
            }
        }
    }

    @Test
    void theOfficialBoxOfTheCarOf000012() {
        VocReader reader = new VocReader(voc(), List.of());
        VocAnnotation a = reader.read("2007:train").stream()
                .filter(x -> x.id().equals("2007/000012"))
                .findFirst()
                .orElseThrow();
        assertEquals(500, a.width());
        assertEquals(333, a.height());
        assertEquals(1, a.size());
        assertEquals(VocReader.VOC_CLASSES.indexOf("car"), a.labels()[0]);
        // official box 156 97 351 270 (1-based pixels)
        assertArrayEquals(new float[] {155f / 500, 96f / 333, 350f / 500, 269f / 333}, a.boxes()[0], 1e-6f);
        byte[] px = VocImages.load(a, 32);
        assertEquals(32 * 32 * 3, px.length);
    }

    /**
     * Objects, difficult flags and class selection as counted independently from the XML files by
     * {@code scripts/fixtures/voc_counts.py} (the fixture); skipped for a folder other than the one
     * the fixture was written for (e.g. the official VOC2007), whose every image is still read.
     */
    @Test
    void objectAndDifficultCountsAgreeWithAnIndependentCount() throws Exception {
        JsonObject fixture;
        try (Reader r = new InputStreamReader(
                RealVocTest.class.getResourceAsStream("shared-voc-counts.json"), StandardCharsets.UTF_8)) {
            fixture = JsonParser.parseReader(r).getAsJsonObject();
        }
        for (String split : List.of("train", "val")) {
            JsonObject want = fixture.getAsJsonObject(split);
            List<VocAnnotation> all = new VocReader(voc(), List.of()).read("2007:" + split);
            Assumptions.assumeTrue(
                    all.size() == want.get("ids").getAsInt(),
                    "the fixture counts the " + want.get("ids") + " ids of ../shared/data/voc's " + split
                            + " list; this folder's has " + all.size());
            assertEquals(
                    want.get("objects").getAsInt(),
                    all.stream().mapToInt(VocAnnotation::size).sum(),
                    split);
            int difficult = 0;
            for (VocAnnotation a : all) {
                for (boolean d : a.difficult()) {
                    difficult += d ? 1 : 0;
                }
            }
            assertEquals(want.get("difficult").getAsInt(), difficult, split + " difficult objects");
            for (String cls : List.of("cat", "dog", "aeroplane")) {
                JsonObject c = want.getAsJsonObject("classes").getAsJsonObject(cls);
                List<VocAnnotation> selected = new VocReader(voc(), List.of(cls)).read("2007:" + split);
                assertEquals(
                        c.get("images").getAsInt(),
                        selected.size(),
                        split + ": images holding a " + cls + " (difficult or not) are kept");
                assertEquals(
                        c.get("objects").getAsInt(),
                        selected.stream().mapToInt(VocAnnotation::size).sum(),
                        cls);
                long trainable = selected.stream()
                        .filter(a -> {
                            for (boolean d : a.difficult()) {
                                if (!d) {
                                    return true;
                                }
                            }
                            return false;
                        })
                        .count();
                assertEquals(
                        c.get("images_with_training_object").getAsInt(),
                        trainable,
                        split + ": images with a non-difficult " + cls);
            }
        }
    }

    @Test
    void selectingClassesDropsOtherObjects() {
        VocReader reader = new VocReader(voc(), List.of("cat", "dog"));
        List<VocAnnotation> train = reader.read("2007:train");
        assertTrue(train.stream().allMatch(a -> Arrays.stream(a.labels()).allMatch(l -> l == 0 || l == 1)));
        VocAnnotation a = train.stream()
                .filter(x -> x.id().equals("2007/000036"))
                .findFirst()
                .orElseThrow();
        assertEquals(1, a.size(), "000036 holds only a dog");
        assertEquals(1, a.labels()[0], "dog is the second selected class");
    }
}

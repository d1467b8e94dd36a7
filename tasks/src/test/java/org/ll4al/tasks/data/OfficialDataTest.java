package org.ll4al.tasks.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.tasks.TaskProvider;
import org.ll4al.tasks.Tasks;
import org.ll4al.tasks.classification.Cifar10;
import org.ll4al.tasks.classification.Cifar10Writer;
import org.ll4al.tasks.pose.MpiiAnnotations;

/**
 * The official datasets the tasks declare: well-formed pins, and archives shaped like the
 * official ones unpack into the layout the task's own loader reads.
 */
class OfficialDataTest {

    @TempDir
    Path tmp;

    private static List<OfficialDataset> all() {
        List<OfficialDataset> out = new ArrayList<>();
        for (String task : Tasks.names()) {
            out.addAll(Tasks.byName(task).officialData());
        }
        return out;
    }

    private static OfficialDataset named(String name) {
        return all().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyDeclarationIsWellFormed() {
        Set<String> names = new HashSet<>();
        for (OfficialDataset d : all()) {
            assertTrue(names.add(d.name()), "one declaration per name: " + d.name());
            assertFalse(d.expect().isEmpty(), d.name());
            assertFalse(d.archives().isEmpty(), d.name());
            for (OfficialArchive a : d.archives()) {
                Checksum c = a.checksum();
                assertTrue(a.urls().stream().allMatch(u -> u.getScheme().startsWith("http")), a.file());
                assertFalse(c.source().isBlank(), a.file() + ": the checksum's source (or why there is none)");
                if ("SHA-256".equals(c.algorithm())) {
                    assertTrue(c.hex().matches("[0-9a-f]{64}"), a.file());
                } else if ("MD5".equals(c.algorithm())) {
                    assertTrue(c.hex().matches("[0-9a-f]{32}"), a.file());
                } else {
                    assertFalse(c.pinned(), a.file());
                }
            }
        }
        assertEquals(Set.of("cifar10", "voc2007", "voc2012", "mpii", "lsp", "lspet"), names);
        assertEquals(
                "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd",
                named("cifar10").archives().get(0).checksum().hex());
        assertEquals(170_052_171L, named("cifar10").size());
        assertEquals(460_032_000L + 451_020_800L, named("voc2007").size());
    }

    @Test
    void eachTasksDefaultDataIsItsOwnAndDetectionFollowsTheSplitsYears() {
        for (String task : Tasks.names()) {
            TaskProvider p = Tasks.byName(task);
            assertTrue(p.officialData().containsAll(p.defaultData(Map.of())), task);
            assertFalse(p.defaultData(Map.of()).isEmpty(), task);
        }
        TaskProvider detection = Tasks.byName("detection");
        assertEquals(
                List.of("voc2007", "voc2012"),
                detection
                        .defaultData(Map.of("trainSplit", "2007:trainval,2012:trainval", "evalSplit", "2007:test"))
                        .stream()
                        .map(OfficialDataset::name)
                        .toList());
        assertEquals(
                List.of("voc2007"),
                detection.defaultData(Map.of()).stream()
                        .map(OfficialDataset::name)
                        .toList());
    }

    /** The dataset with its archives replaced by fixtures of the same names and layout, served locally. */
    private static OfficialDataset served(OfficialDataset d, FixtureServer server, Map<String, byte[]> archives) {
        List<OfficialArchive> fixtures = new ArrayList<>();
        for (OfficialArchive a : d.archives()) {
            byte[] data = archives.get(a.file());
            server.serve(a.file(), data);
            fixtures.add(new OfficialArchive(
                    a.file(),
                    List.of(server.url(a.file())),
                    Checksum.sha256(ArchiveFixtures.sha256(data), "fixture"),
                    data.length,
                    a.format(),
                    a.pick()));
        }
        return new OfficialDataset(d.name(), d.description(), d.root(), d.installs(), d.data(), d.expect(), fixtures);
    }

    @Test
    void cifarUnpacksIntoTheFolderTheClassificationTaskReads() throws Exception {
        Path made = tmp.resolve("made");
        Cifar10Writer.writeSynthetic(made, 20, 10, 1);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 1; i <= 5; i++) {
            entries.put(
                    "cifar-10-batches-bin/data_batch_" + i + ".bin",
                    Files.readAllBytes(made.resolve("data_batch_1.bin")));
        }
        entries.put("cifar-10-batches-bin/test_batch.bin", Files.readAllBytes(made.resolve("test_batch.bin")));
        entries.put("cifar-10-batches-bin/batches.meta.txt", "airplane\n".getBytes(StandardCharsets.UTF_8));
        try (FixtureServer server = new FixtureServer()) {
            byte[] tgz = ArchiveFixtures.tarOf(entries, true);
            Path data = new DataCache(tmp.resolve("cache"), null, new HttpFetch(2_000, 2_000))
                    .install(
                            served(named("cifar10"), server, Map.of("cifar-10-binary.tar.gz", tgz)),
                            DownloadListener.SILENT);
            assertEquals(100, Cifar10.loadTrain(data).size(), "five batches of 20");
            assertEquals(10, Cifar10.loadTest(data).size());
        }
    }

    @Test
    void mpiiUnpacksItsImagesAndRenamesMmposesJsonToWhatThePoseTaskReads() throws Exception {
        List<String> joints = new ArrayList<>();
        for (int j = 0; j < 16; j++) {
            joints.add("[" + (30 + j) + ".0, " + (20 + 3 * j)
                    + ".0]"); // distinct points: a head segment of non-zero length
        }
        String entry = "{\"joints_vis\": [" + "1,".repeat(15) + "1], \"joints\": [" + String.join(",", joints)
                + "], \"image\": \"000001163.jpg\", \"scale\": 0.5, \"center\": [45.0, 55.0]}";
        byte[] images = ArchiveFixtures.tar(ArchiveFixtures.entries("./images/000001163.jpg", "jpeg bytes"), true);
        byte[] notes = ArchiveFixtures.tar(
                ArchiveFixtures.entries(
                        "mpii/annotations/mpii_train.json",
                        "[" + entry + "]",
                        "mpii/annotations/mpii_val.json",
                        "[" + entry + "," + entry + "]",
                        "mpii/annotations/mpii_test.json",
                        "[]",
                        "mpii/annotations/mpii_gt_val.mat",
                        "mat"),
                false);
        try (FixtureServer server = new FixtureServer()) {
            Path data = new DataCache(tmp.resolve("cache"), null, new HttpFetch(2_000, 2_000))
                    .install(
                            served(
                                    named("mpii"),
                                    server,
                                    Map.of("mpii_human_pose_v1.tar.gz", images, "mpii_annotations.tar", notes)),
                            DownloadListener.SILENT);
            assertEquals(
                    1,
                    MpiiAnnotations.read(data.resolve("train.json"), data.resolve("images"))
                            .size());
            assertEquals(
                    2,
                    MpiiAnnotations.read(data.resolve("valid.json"), data.resolve("images"))
                            .size());
            assertFalse(Files.exists(data.resolve("mpii_test.json")));
        }
    }
}

package org.ll4al.harness.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.harness.Main;
import org.ll4al.harness.RunFixture;
import org.ll4al.harness.options.DataCacheOptions;
import org.ll4al.results.ResultsReader;
import org.ll4al.results.RunManifest;
import org.ll4al.tasks.Tasks;
import org.ll4al.tasks.classification.Cifar10Writer;
import org.ll4al.tasks.data.ArchiveFixtures;
import org.ll4al.tasks.data.FixtureServer;

/**
 * {@code -Ddownload} and a run without {@code -Ddata}, through {@link Main}, with the real dataset
 * declarations: a local mirror ({@code -DdataMirror}) stands in for the publishers, so no test
 * touches the network.
 */
class DownloadTest {

    private static final String CIFAR_SHA256 = "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd";

    @TempDir
    Path tmp;

    private Properties download(String what, String mirror) {
        Properties p = new Properties();
        p.setProperty("download", what);
        p.setProperty("dataCache", tmp.resolve("cache").toString());
        p.setProperty("dataMirror", mirror);
        return p;
    }

    /** A cache holding CIFAR-10 as -Ddownload=cifar10 leaves it (a tiny synthetic set in its layout). */
    private Path cacheWithCifar() throws IOException {
        Path data = tmp.resolve("cache/cifar10/cifar-10-batches-bin");
        Cifar10Writer.writeSynthetic(data, 200, 60, 9);
        for (int i = 2; i <= 5; i++) {
            Files.copy(data.resolve("data_batch_1.bin"), data.resolve("data_batch_" + i + ".bin"));
        }
        return data;
    }

    @Test
    void offlineItSaysWhichFileToPutWhereAndExitsWith2() throws Exception {
        RunFixture f = new RunFixture(tmp);
        String mirror = FixtureServer.deadUrl().toString();
        assertEquals(2, f.run(download("cifar10", mirror)), f.stdout);
        String err = f.stderr;
        assertTrue(
                err.startsWith("error: cannot download cifar-10-binary.tar.gz of dataset cifar10: " + mirror
                        + "cifar-10-binary.tar.gz"),
                err);
        assertTrue(
                err.contains("cifar-10-binary.tar.gz from https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"
                        + " (170,052,171 bytes, SHA-256 " + CIFAR_SHA256 + ") -> "
                        + tmp.resolve("cache/downloads/cifar-10-binary.tar.gz").toAbsolutePath()),
                err);
        assertFalse(Files.exists(tmp.resolve("cache/cifar10")));
    }

    @Test
    void anArchiveOfAnotherSizeIsRefusedBeforeItsDownloadAndLeavesNoFolder() throws Exception {
        byte[] wrong = ArchiveFixtures.tar(
                ArchiveFixtures.entries("cifar-10-batches-bin/data_batch_1.bin", "not cifar"), true);
        RunFixture f = new RunFixture(tmp);
        try (FixtureServer server = new FixtureServer().serve("m/cifar-10-binary.tar.gz", wrong)) {
            assertEquals(2, f.run(download("classification", server.url("m/").toString())), f.stdout);
        }
        assertTrue(
                f.stderr.startsWith("error: cannot download cifar-10-binary.tar.gz of dataset cifar10: ")
                        && f.stderr.contains(
                                "sends " + wrong.length + " bytes, but the published archive has 170052171"),
                f.stderr);
        assertFalse(Files.exists(tmp.resolve("cache/cifar10")), "no dataset folder");
    }

    @Test
    void aCorruptedArchiveIsRefusedWithBothHashesAndNoFolder() throws Exception {
        // MPII's image archive has no published size: the download completes and its MD5 decides
        byte[] wrong = ArchiveFixtures.tar(ArchiveFixtures.entries("images/000001163.jpg", "not mpii"), true);
        RunFixture f = new RunFixture(tmp);
        try (FixtureServer server = new FixtureServer().serve("m/mpii_human_pose_v1.tar.gz", wrong)) {
            assertEquals(2, f.run(download("mpii", server.url("m/").toString())), f.stdout);
        }
        String err = f.stderr;
        assertTrue(
                err.startsWith("error: mpii_human_pose_v1.tar.gz (from http://127.0.0.1:")
                        && err.contains(
                                "is not the published archive: expected MD5 b6bc9c6869d3f035a5570b2e68ec84c4, found "
                                        + ArchiveFixtures.md5(wrong)),
                err);
        assertFalse(Files.exists(tmp.resolve("cache/mpii")), "no dataset folder");
        assertTrue(Files.exists(tmp.resolve("cache/downloads/mpii_human_pose_v1.tar.gz.rejected")));
        assertFalse(Files.exists(tmp.resolve("cache/downloads/mpii_human_pose_v1.tar.gz")));
    }

    @Test
    void aDatasetInTheCacheIsUsedWithoutARequestAndItsDataPrinted() throws Exception {
        Path data = cacheWithCifar();
        RunFixture f = new RunFixture(tmp);
        assertEquals(0, f.run(download("cifar10", FixtureServer.deadUrl().toString())), f.stderr);
        assertTrue(f.stdout.contains("cifar10: -Ddata=" + data.toAbsolutePath()), f.stdout);
    }

    @Test
    void aRunWithoutDataReadsItsTasksOfficialDatasetAndRecordsItPortably() throws Exception {
        Path data = cacheWithCifar();
        RunFixture f = new RunFixture(tmp);
        Properties p = f.smoke(tmp.resolve("out"));
        p.remove("data");
        p.setProperty("strategies", "random");
        p.setProperty("dataCache", tmp.resolve("cache").toString());
        p.setProperty("dataMirror", FixtureServer.deadUrl().toString()); // a request would fail the run
        assertEquals(0, f.run(p), f.stderr);
        assertTrue(
                f.stdout.contains("no -Ddata given: task classification reads its official data, -Ddata="
                        + data.toAbsolutePath()),
                f.stdout);
        RunManifest m = ResultsReader.manifest(tmp.resolve("out"));
        assertEquals("${dataCache}/cifar10/cifar-10-batches-bin", m.config().get("data"));
        assertEquals("${dataCache}", m.config().get("dataCache"));
        assertTrue(
                m.pathOptions().containsAll(List.of("data", "dataCache", "out")),
                m.pathOptions().toString());

        assertEquals(0, f.run(p), "resumes: " + f.stderr);
    }

    @Test
    void unknownNamesListTheDatasetsAndTasks() throws Exception {
        RunFixture f = new RunFixture(tmp);
        assertEquals(2, f.run(download("cifar100", "")), f.stdout);
        assertTrue(
                f.stderr.contains("cifar10, voc2007, voc2012, mpii, lsp, lspet") && f.stderr.contains("classification"),
                f.stderr);
    }

    @Test
    void aTaskNameFetchesTheDatasetsItsRunsRead() {
        assertEquals(
                List.of("voc2007"),
                Download.named("detection").stream().map(d -> d.name()).toList());
        assertEquals(
                List.of("mpii"),
                Download.named("pose").stream().map(d -> d.name()).toList());
        assertEquals(
                List.of("lspet"),
                Download.named("lspet").stream().map(d -> d.name()).toList());
        assertEquals(List.of("voc2007", "voc2012"), detectionData("2007:trainval,2012:trainval"));
        assertEquals(List.of("voc2012"), detectionData("2012:train"));
    }

    /** The datasets a detection run reads with this pool (evaluated on its first year's split). */
    private static List<String> detectionData(String trainSplit) {
        return Tasks.byName("detection")
                .defaultData(
                        Map.of("trainSplit", trainSplit, "evalSplit", trainSplit.split(",")[0]))
                .stream()
                .map(d -> d.name())
                .toList();
    }

    @Test
    void theDataCacheDefaultsToTheHomeFolder() {
        assertEquals(
                Path.of(System.getProperty("user.home"), ".ll4al", "data"),
                DataCacheOptions.DATA_CACHE.parse(DataCacheOptions.DATA_CACHE.defaultValue()));
        assertEquals(Path.of("rel/cache"), DataCacheOptions.DATA_CACHE.parse("rel/cache"));
    }
}

package org.ll4al.tasks.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.tasks.TaskDataException;

/** Fetching, checking and unpacking official datasets, against a local HTTP server (no network). */
class DataCacheTest {

    @TempDir
    Path tmp;

    private final List<String> notes = new ArrayList<>();
    private final DownloadListener listener = new DownloadListener() {
        @Override
        public void transferred(String file, long done, long total) {
            // progress is not asserted
        }

        @Override
        public void note(String line) {
            notes.add(line);
        }
    };

    private static final Map<String, String> CIFAR_LIKE = ArchiveFixtures.entries(
            "cifar-10-batches-bin/data_batch_1.bin", "batch one", "cifar-10-batches-bin/test_batch.bin", "test batch");

    private DataCache cache(URI mirror) {
        return new DataCache(tmp.resolve("cache"), mirror, new HttpFetch(2_000, 2_000));
    }

    private static OfficialDataset cifarLike(URI url, Checksum checksum, long size) {
        return new OfficialDataset(
                "cifarlike",
                "a CIFAR-like fixture",
                "cifar10",
                "",
                "cifar-10-batches-bin",
                List.of("data_batch_1.bin", "test_batch.bin"),
                List.of(new OfficialArchive(
                        "cifar.tar.gz", List.of(url), checksum, size, ArchiveFormat.TAR_GZ, Map.of())));
    }

    /** Everything in the cache folder except the downloads: what a failure must not leave behind. */
    private List<String> installedEntries() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("downloads") && !n.equals(".lock"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void aTarGzIsFetchedCheckedAndUnpackedAndTheSecondCallMakesNoRequest() throws Exception {
        byte[] archive = ArchiveFixtures.tar(CIFAR_LIKE, true);
        try (FixtureServer server = new FixtureServer().serve("cifar.tar.gz", archive)) {
            OfficialDataset d = cifarLike(
                    server.url("cifar.tar.gz"),
                    Checksum.sha256(ArchiveFixtures.sha256(archive), "test"),
                    archive.length);
            DataCache cache = cache(null);
            assertFalse(cache.has(d));
            Path data = cache.install(d, listener);
            assertEquals(tmp.resolve("cache/cifar10/cifar-10-batches-bin").toAbsolutePath(), data);
            assertEquals("batch one", Files.readString(data.resolve("data_batch_1.bin")));
            assertEquals("test batch", Files.readString(data.resolve("test_batch.bin")));
            String provenance = Files.readString(tmp.resolve("cache/cifar10").resolve(DataCache.PROVENANCE));
            assertTrue(
                    provenance.contains(ArchiveFixtures.sha256(archive))
                            && provenance.contains(server.url("cifar.tar.gz").toString()),
                    provenance);
            assertEquals(List.of("cifar10"), installedEntries(), "no staging folder is left");
            assertFalse(Files.exists(cache.downloads().resolve("cifar.tar.gz")), "the unpacked archive is removed");
            assertEquals(1, server.requests.size(), server.requests.toString());
            assertTrue(notes.stream().anyMatch(n -> n.contains("SHA-256 matches")), notes.toString());

            assertTrue(cache.has(d));
            assertEquals(data, cache.install(d, listener));
            assertEquals(1, server.requests.size(), "the second call uses the cache: " + server.requests);
        }
    }

    @Test
    void aZipWrappedInOneFolderIsUnpackedToTheLayoutTheTaskReads() throws Exception {
        byte[] archive = ArchiveFixtures.zip(ArchiveFixtures.entries(
                "lspet_dataset/joints.mat",
                "mat",
                "lspet_dataset/images/im00001.jpg",
                "jpeg",
                "lspet_dataset/README.txt",
                "readme"));
        try (FixtureServer server = new FixtureServer().serve("lspet.zip", archive)) {
            OfficialDataset d = new OfficialDataset(
                    "lspetlike",
                    "an LSPe-like fixture",
                    "lspet",
                    "",
                    "",
                    List.of("joints.mat", "images"),
                    List.of(new OfficialArchive(
                            "lspet.zip",
                            List.of(server.url("lspet.zip")),
                            Checksum.sha256(ArchiveFixtures.sha256(archive), "test"),
                            -1,
                            ArchiveFormat.ZIP,
                            Map.of())));
            Path data = cache(null).install(d, listener);
            assertEquals("mat", Files.readString(data.resolve("joints.mat")));
            assertEquals("jpeg", Files.readString(data.resolve("images/im00001.jpg")));
        }
    }

    @Test
    void twoDatasetsShareARootAndPickedEntriesAreRenamed() throws Exception {
        byte[] trainval = ArchiveFixtures.tar(
                ArchiveFixtures.entries(
                        "VOCdevkit/VOC2007/ImageSets/Main/trainval.txt",
                        "000005",
                        "VOCdevkit/VOC2007/JPEGImages/000005.jpg",
                        "jpeg"),
                false);
        byte[] test = ArchiveFixtures.tar(
                ArchiveFixtures.entries("VOCdevkit/VOC2007/ImageSets/Main/test.txt", "000001"), false);
        byte[] y2012 = ArchiveFixtures.tar(
                ArchiveFixtures.entries("VOCdevkit/VOC2012/ImageSets/Main/trainval.txt", "2008_000002"), false);
        byte[] notes2 = ArchiveFixtures.tar(
                ArchiveFixtures.entries(
                        "mpii/annotations/mpii_train.json",
                        "[]",
                        "mpii/annotations/mpii_val.json",
                        "[ ]",
                        "mpii/annotations/mpii_test.json",
                        "x"),
                false);
        try (FixtureServer server = new FixtureServer()
                .serve("a.tar", trainval)
                .serve("b.tar", test)
                .serve("c.tar", y2012)
                .serve("d.tar", notes2)) {
            OfficialDataset v7 = new OfficialDataset(
                    "v7",
                    "fixture",
                    "voc",
                    "VOCdevkit/VOC2007",
                    "",
                    List.of("VOCdevkit/VOC2007/ImageSets/Main/test.txt"),
                    List.of(
                            archive(server, "a.tar", trainval, ArchiveFormat.TAR),
                            archive(server, "b.tar", test, ArchiveFormat.TAR)));
            OfficialDataset v12 = new OfficialDataset(
                    "v12",
                    "fixture",
                    "voc",
                    "VOCdevkit/VOC2012",
                    "",
                    List.of("VOCdevkit/VOC2012/ImageSets/Main/trainval.txt"),
                    List.of(archive(server, "c.tar", y2012, ArchiveFormat.TAR)));
            DataCache cache = cache(null);
            Path a = cache.install(v7, listener);
            Path b = cache.install(v12, listener);
            assertEquals(a, b);
            assertEquals("000005", Files.readString(a.resolve("VOCdevkit/VOC2007/ImageSets/Main/trainval.txt")));
            assertEquals("000001", Files.readString(a.resolve("VOCdevkit/VOC2007/ImageSets/Main/test.txt")));
            assertEquals("2008_000002", Files.readString(a.resolve("VOCdevkit/VOC2012/ImageSets/Main/trainval.txt")));

            OfficialDataset pose = new OfficialDataset(
                    "posefix",
                    "fixture",
                    "mpii",
                    "",
                    "",
                    List.of("train.json", "valid.json"),
                    List.of(archive(server, "d.tar", notes2, ArchiveFormat.TAR)
                            .picking(Map.of("mpii_train.json", "train.json", "mpii_val.json", "valid.json"))));
            Path p = cache.install(pose, listener);
            assertEquals("[]", Files.readString(p.resolve("train.json")));
            assertEquals("[ ]", Files.readString(p.resolve("valid.json")));
            try (Stream<Path> s = Files.list(p)) {
                assertEquals(
                        List.of(DataCache.PROVENANCE, "train.json", "valid.json"),
                        s.map(x -> x.getFileName().toString()).sorted().toList(),
                        "only the picked entries");
            }
        }
    }

    private static OfficialArchive archive(FixtureServer server, String name, byte[] data, ArchiveFormat format) {
        return new OfficialArchive(
                name,
                List.of(server.url(name)),
                Checksum.sha256(ArchiveFixtures.sha256(data), "test"),
                data.length,
                format,
                Map.of());
    }

    @Test
    void aCorruptedArchiveIsRefusedNamingBothHashesAndLeavesNoFolder() throws Exception {
        byte[] archive = ArchiveFixtures.tar(CIFAR_LIKE, true);
        byte[] published =
                ArchiveFixtures.tar(ArchiveFixtures.entries("cifar-10-batches-bin/data_batch_1.bin", "other"), true);
        try (FixtureServer server = new FixtureServer().serve("cifar.tar.gz", archive)) {
            String expected = ArchiveFixtures.sha256(published);
            OfficialDataset d = cifarLike(server.url("cifar.tar.gz"), Checksum.sha256(expected, "the test's pin"), -1);
            DataCache cache = cache(null);
            DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> cache.install(d, listener));
            String m = e.getMessage();
            assertTrue(
                    m.contains("cifar.tar.gz")
                            && m.contains("expected SHA-256 " + expected)
                            && m.contains("found " + ArchiveFixtures.sha256(archive))
                            && m.contains("the test's pin"),
                    m);
            assertEquals(List.of(), installedEntries(), "no dataset or staging folder");
            assertTrue(Files.exists(cache.downloads().resolve("cifar.tar.gz.rejected")), "the bad file is set aside");
            assertFalse(Files.exists(cache.downloads().resolve("cifar.tar.gz")));
            assertFalse(cache.has(d));
        }
    }

    @Test
    void aTruncatedDownloadIsRefusedKeptAndResumedByTheNextCall() throws Exception {
        byte[] archive = ArchiveFixtures.tar(
                ArchiveFixtures.entries(
                        "cifar-10-batches-bin/data_batch_1.bin",
                        "x".repeat(50_000),
                        "cifar-10-batches-bin/test_batch.bin",
                        "y".repeat(50_000)),
                false);
        try (FixtureServer server =
                new FixtureServer().serve("cifar.tar.gz", archive).cutAfter("cifar.tar.gz", 30_000)) {
            OfficialDataset d = new OfficialDataset(
                    "cifarlike",
                    "fixture",
                    "cifar10",
                    "",
                    "cifar-10-batches-bin",
                    List.of("data_batch_1.bin", "test_batch.bin"),
                    List.of(new OfficialArchive(
                            "cifar.tar.gz",
                            List.of(server.url("cifar.tar.gz")),
                            Checksum.sha256(ArchiveFixtures.sha256(archive), "test"),
                            archive.length,
                            ArchiveFormat.TAR,
                            Map.of())));
            DataCache cache = cache(null);
            DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> cache.install(d, listener));
            assertTrue(
                    e.getMessage().contains("is incomplete") && e.getMessage().contains("cifar.tar.gz.part"),
                    e.getMessage());
            assertEquals(List.of(), installedEntries(), "no dataset folder after a truncated download");
            long kept = Files.size(cache.downloads().resolve("cifar.tar.gz.part"));
            assertTrue(kept > 0 && kept < archive.length, "the part received is kept: " + kept);

            Path data = cache.install(d, listener);
            assertEquals("x".repeat(50_000), Files.readString(data.resolve("data_batch_1.bin")));
            assertEquals(
                    "GET /cifar.tar.gz bytes=" + kept + "-", server.requests.get(1), "resumed: " + server.requests);
        }
    }

    @Test
    void withTheServerDownItSaysWhichFileToPutWhere() throws Exception {
        URI dead = FixtureServer.deadUrl().resolve("cifar.tar.gz");
        String sha = "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd";
        OfficialDataset d = cifarLike(dead, Checksum.sha256(sha, "test"), 170_052_171L);
        DataCache cache = cache(null);
        DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> cache.install(d, listener));
        String m = e.getMessage();
        assertTrue(
                m.contains(dead.toString())
                        && m.contains("SHA-256 " + sha)
                        && m.contains("170,052,171 bytes")
                        && m.contains("-> " + cache.downloads().resolve("cifar.tar.gz")),
                m);
        assertTrue(m.toLowerCase().contains("connect"), "names the cause: " + m);
        assertEquals(List.of(), installedEntries());
    }

    @Test
    void anArchivePutByHandIsCheckedAndUnpackedWithoutARequest() throws Exception {
        byte[] archive = ArchiveFixtures.tar(CIFAR_LIKE, true);
        OfficialDataset d = cifarLike(
                URI.create("http://127.0.0.1:9/never"),
                Checksum.sha256(ArchiveFixtures.sha256(archive), "test"),
                archive.length);
        DataCache cache = new DataCache(tmp.resolve("cache"), FixtureServer.deadUrl(), new HttpFetch(2_000, 2_000));
        Files.createDirectories(cache.downloads());
        Files.write(cache.downloads().resolve("cifar.tar.gz"), archive);
        Path data = cache.install(d, listener);
        assertEquals("batch one", Files.readString(data.resolve("data_batch_1.bin")));
    }

    @Test
    void aMirrorReplacesTheOfficialUrlsAndRedirectsAreFollowed() throws Exception {
        byte[] archive = ArchiveFixtures.tar(CIFAR_LIKE, true);
        try (FixtureServer server = new FixtureServer()
                .redirect("mirror/cifar.tar.gz", "files/cifar.tar.gz")
                .serve("files/cifar.tar.gz", archive)) {
            OfficialDataset d = cifarLike(
                    URI.create("http://127.0.0.1:9/official"),
                    Checksum.sha256(ArchiveFixtures.sha256(archive), "test"),
                    archive.length);
            Path data = new DataCache(tmp.resolve("cache"), server.url("mirror"), new HttpFetch(2_000, 2_000))
                    .install(d, listener);
            assertTrue(Files.exists(data.resolve("test_batch.bin")));
            assertEquals(List.of("GET /mirror/cifar.tar.gz", "GET /files/cifar.tar.gz"), server.requests);
        }
    }

    @Test
    void anUnpinnedArchiveIsInstalledWithAWarningGivingItsSha256AndAnMd5PinIsChecked() throws Exception {
        byte[] archive = ArchiveFixtures.tar(CIFAR_LIKE, true);
        try (FixtureServer server = new FixtureServer().serve("cifar.tar.gz", archive)) {
            cache(null)
                    .install(
                            cifarLike(server.url("cifar.tar.gz"), Checksum.unpublished("nobody publishes one"), -1),
                            listener);
            assertTrue(
                    notes.stream()
                            .anyMatch(n -> n.startsWith("WARNING")
                                    && n.contains("nobody publishes one")
                                    && n.contains(ArchiveFixtures.sha256(archive))),
                    notes.toString());

            OfficialDataset md5 = new OfficialDataset(
                    "md5like",
                    "fixture",
                    "other",
                    "",
                    "cifar-10-batches-bin",
                    List.of("test_batch.bin"),
                    List.of(new OfficialArchive(
                            "cifar.tar.gz",
                            List.of(server.url("cifar.tar.gz")),
                            Checksum.md5("00000000000000000000000000000000", "a wrong MD5"),
                            -1,
                            ArchiveFormat.TAR_GZ,
                            Map.of())));
            DataUnavailableException e = assertThrows(
                    DataUnavailableException.class, () -> cache(null).install(md5, listener));
            assertTrue(
                    e.getMessage()
                            .contains("expected MD5 00000000000000000000000000000000, found "
                                    + ArchiveFixtures.md5(archive)),
                    e.getMessage());
        }
    }

    @Test
    void entriesThatWouldLeaveTheDatasetFolderAreRefused() throws Exception {
        List<byte[]> bad = List.of(
                ArchiveFixtures.tar(
                        ArchiveFixtures.entries("cifar-10-batches-bin/data_batch_1.bin", "ok", "../../evil.txt", "x"),
                        false),
                ArchiveFixtures.tar(ArchiveFixtures.entries("/tmp/ll4al-evil.txt", "x"), false),
                ArchiveFixtures.tarWithLink("cifar-10-batches-bin/link", "/etc"),
                ArchiveFixtures.zip(ArchiveFixtures.entries("cifar-10-batches-bin/../../../evil.txt", "x")));
        for (int i = 0; i < bad.size(); i++) {
            byte[] archive = bad.get(i);
            boolean zip = i == 3;
            String name = "bad" + i;
            try (FixtureServer server = new FixtureServer().serve(name, archive)) {
                OfficialDataset d = new OfficialDataset(
                        name,
                        "fixture",
                        name,
                        "",
                        "",
                        List.of(),
                        List.of(new OfficialArchive(
                                name,
                                List.of(server.url(name)),
                                Checksum.sha256(ArchiveFixtures.sha256(archive), "test"),
                                archive.length,
                                zip ? ArchiveFormat.ZIP : ArchiveFormat.TAR,
                                Map.of())));
                TaskDataException e =
                        assertThrows(TaskDataException.class, () -> cache(null).install(d, listener));
                assertTrue(e.getMessage().contains("refused") && e.getMessage().contains("entry '"), e.getMessage());
                assertEquals(List.of(), installedEntries(), "nothing installed for archive " + i);
            }
        }
        assertFalse(Files.exists(tmp.resolve("evil.txt")));
        assertFalse(Files.exists(Path.of("/tmp/ll4al-evil.txt")));
    }

    @Test
    void anArchiveWithoutTheFilesTheTaskReadsIsRefusedAndNothingIsInstalled() throws Exception {
        byte[] archive =
                ArchiveFixtures.tar(ArchiveFixtures.entries("cifar-10-batches-bin/data_batch_1.bin", "x"), true);
        try (FixtureServer server = new FixtureServer().serve("cifar.tar.gz", archive)) {
            OfficialDataset d =
                    cifarLike(server.url("cifar.tar.gz"), Checksum.sha256(ArchiveFixtures.sha256(archive), "t"), -1);
            TaskDataException e =
                    assertThrows(TaskDataException.class, () -> cache(null).install(d, listener));
            assertTrue(e.getMessage().contains("lack test_batch.bin"), e.getMessage());
            assertEquals(List.of(), installedEntries());
        }
    }

    @Test
    void aFolderThatIsNotACompleteDatasetIsNotTakenForOne() throws Exception {
        OfficialDataset d = cifarLike(URI.create("http://127.0.0.1:9/x"), Checksum.sha256("00", "t"), -1);
        Files.createDirectories(tmp.resolve("cache/cifar10/cifar-10-batches-bin"));
        TaskDataException e =
                assertThrows(TaskDataException.class, () -> cache(null).has(d));
        assertTrue(e.getMessage().contains("lacks data_batch_1.bin, test_batch.bin"), e.getMessage());
    }

    @Test
    void entryNamesAreMadeRelativeOrRefused() {
        Path a = Path.of("a.tar");
        assertEquals("images/x.jpg", ArchiveUnpacker.relative(a, "./images/x.jpg"));
        assertEquals("", ArchiveUnpacker.relative(a, "./"));
        assertEquals("a/b", ArchiveUnpacker.relative(a, "a\\b"));
        for (String bad : List.of("/etc/passwd", "a/../../b", "..", "C:/x", "C:\\x")) {
            assertThrows(TaskDataException.class, () -> ArchiveUnpacker.relative(a, bad), bad);
        }
    }
}

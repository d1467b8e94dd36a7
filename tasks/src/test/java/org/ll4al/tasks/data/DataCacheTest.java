package org.ll4al.tasks.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ll4al.tasks.data.CacheFixture.CIFAR_LIKE;
import static org.ll4al.tasks.data.CacheFixture.archive;
import static org.ll4al.tasks.data.CacheFixture.cifarLike;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching, checking and unpacking official datasets, against a local HTTP server (no network). */
class DataCacheTest {

    @TempDir
    Path tmp;

    private CacheFixture fixture;

    @BeforeEach
    void newCache() {
        fixture = new CacheFixture(tmp);
    }

    @Test
    void aTarGzIsFetchedCheckedAndUnpackedAndTheSecondCallMakesNoRequest() throws Exception {
        byte[] archive = ArchiveFixtures.tar(CIFAR_LIKE, true);
        try (FixtureServer server = new FixtureServer().serve("cifar.tar.gz", archive)) {
            OfficialDataset d = cifarLike(
                    server.url("cifar.tar.gz"),
                    Checksum.sha256(ArchiveFixtures.sha256(archive), "test"),
                    archive.length);
            DataCache cache = fixture.cache(null);
            assertFalse(cache.has(d));
            Path data = cache.install(d, fixture);
            assertEquals(tmp.resolve("cache/cifar10/cifar-10-batches-bin").toAbsolutePath(), data);
            assertEquals("batch one", Files.readString(data.resolve("data_batch_1.bin")));
            assertEquals("test batch", Files.readString(data.resolve("test_batch.bin")));
            String provenance = Files.readString(tmp.resolve("cache/cifar10").resolve(DataCache.PROVENANCE));
            assertTrue(
                    provenance.contains(ArchiveFixtures.sha256(archive))
                            && provenance.contains(server.url("cifar.tar.gz").toString()),
                    provenance);
            assertEquals(List.of("cifar10"), fixture.installedEntries(), "no staging folder is left");
            assertFalse(Files.exists(cache.downloads().resolve("cifar.tar.gz")), "the unpacked archive is removed");
            assertEquals(1, server.requests.size(), server.requests.toString());
            assertTrue(
                    fixture.notes().stream().anyMatch(n -> n.contains("SHA-256 matches")),
                    fixture.notes().toString());

            assertTrue(cache.has(d));
            assertEquals(data, cache.install(d, fixture));
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
                    List.of(archive(server, "lspet.zip", archive, ArchiveFormat.ZIP)));
            Path data = fixture.cache(null).install(d, fixture);
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
            DataCache cache = fixture.cache(null);
            Path a = cache.install(v7, fixture);
            Path b = cache.install(v12, fixture);
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
            Path p = cache.install(pose, fixture);
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
                    List.of(archive(server, "cifar.tar.gz", archive, ArchiveFormat.TAR)));
            DataCache cache = fixture.cache(null);
            DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> cache.install(d, fixture));
            assertTrue(
                    e.getMessage().contains("is incomplete") && e.getMessage().contains("cifar.tar.gz.part"),
                    e.getMessage());
            assertEquals(List.of(), fixture.installedEntries(), "no dataset folder after a truncated download");
            long kept = Files.size(cache.downloads().resolve("cifar.tar.gz.part"));
            assertTrue(kept > 0 && kept < archive.length, "the part received is kept: " + kept);

            Path data = cache.install(d, fixture);
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
        DataCache cache = fixture.cache(null);
        DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> cache.install(d, fixture));
        String m = e.getMessage();
        assertTrue(
                m.contains(dead.toString())
                        && m.contains("SHA-256 " + sha)
                        && m.contains("170,052,171 bytes")
                        && m.contains("-> " + cache.downloads().resolve("cifar.tar.gz")),
                m);
        assertTrue(m.toLowerCase().contains("connect"), "names the cause: " + m);
        assertEquals(List.of(), fixture.installedEntries());
    }

    @Test
    void anArchivePutByHandIsCheckedAndUnpackedWithoutARequest() throws Exception {
        byte[] archive = ArchiveFixtures.tar(CIFAR_LIKE, true);
        OfficialDataset d = cifarLike(
                FixtureServer.deadUrl().resolve("never"),
                Checksum.sha256(ArchiveFixtures.sha256(archive), "test"),
                archive.length);
        DataCache cache = new DataCache(tmp.resolve("cache"), FixtureServer.deadUrl(), new HttpFetch(2_000, 2_000));
        Files.createDirectories(cache.downloads());
        Files.write(cache.downloads().resolve("cifar.tar.gz"), archive);
        Path data = cache.install(d, fixture);
        assertEquals("batch one", Files.readString(data.resolve("data_batch_1.bin")));
    }

    @Test
    void aMirrorReplacesTheOfficialUrlsAndRedirectsAreFollowed() throws Exception {
        byte[] archive = ArchiveFixtures.tar(CIFAR_LIKE, true);
        try (FixtureServer server = new FixtureServer()
                .redirect("mirror/cifar.tar.gz", "files/cifar.tar.gz")
                .serve("files/cifar.tar.gz", archive)) {
            OfficialDataset d = cifarLike(
                    FixtureServer.deadUrl().resolve("official"),
                    Checksum.sha256(ArchiveFixtures.sha256(archive), "test"),
                    archive.length);
            Path data = new DataCache(tmp.resolve("cache"), server.url("mirror"), new HttpFetch(2_000, 2_000))
                    .install(d, fixture);
            assertTrue(Files.exists(data.resolve("test_batch.bin")));
            assertEquals(List.of("GET /mirror/cifar.tar.gz", "GET /files/cifar.tar.gz"), server.requests);
        }
    }
}

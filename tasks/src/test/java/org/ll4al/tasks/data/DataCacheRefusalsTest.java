package org.ll4al.tasks.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ll4al.tasks.data.CacheFixture.CIFAR_LIKE;
import static org.ll4al.tasks.data.CacheFixture.archive;
import static org.ll4al.tasks.data.CacheFixture.cifarLike;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.tasks.TaskDataException;

/** What the data cache refuses to install (bad hashes, unsafe or incomplete archives), and that it then leaves nothing. */
class DataCacheRefusalsTest {

    @TempDir
    Path tmp;

    private CacheFixture fixture;

    @BeforeEach
    void newCache() {
        fixture = new CacheFixture(tmp);
    }

    @Test
    void aCorruptedArchiveIsRefusedNamingBothHashesAndLeavesNoFolder() throws Exception {
        byte[] archive = ArchiveFixtures.tar(CIFAR_LIKE, true);
        byte[] published =
                ArchiveFixtures.tar(ArchiveFixtures.entries("cifar-10-batches-bin/data_batch_1.bin", "other"), true);
        try (FixtureServer server = new FixtureServer().serve("cifar.tar.gz", archive)) {
            String expected = ArchiveFixtures.sha256(published);
            OfficialDataset d = cifarLike(server.url("cifar.tar.gz"), Checksum.sha256(expected, "the test's pin"), -1);
            DataCache cache = fixture.cache(null);
            DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> cache.install(d, fixture));
            String m = e.getMessage();
            assertTrue(
                    m.contains("cifar.tar.gz")
                            && m.contains("expected SHA-256 " + expected)
                            && m.contains("found " + ArchiveFixtures.sha256(archive))
                            && m.contains("the test's pin"),
                    m);
            assertEquals(List.of(), fixture.installedEntries(), "no dataset or staging folder");
            assertTrue(Files.exists(cache.downloads().resolve("cifar.tar.gz.rejected")), "the bad file is set aside");
            assertFalse(Files.exists(cache.downloads().resolve("cifar.tar.gz")));
            assertFalse(cache.has(d));
        }
    }

    @Test
    void anUnpinnedArchiveIsInstalledWithAWarningGivingItsSha256AndAnMd5PinIsChecked() throws Exception {
        byte[] archive = ArchiveFixtures.tar(CIFAR_LIKE, true);
        try (FixtureServer server = new FixtureServer().serve("cifar.tar.gz", archive)) {
            fixture.cache(null)
                    .install(
                            cifarLike(server.url("cifar.tar.gz"), Checksum.unpublished("nobody publishes one"), -1),
                            fixture);
            assertTrue(
                    fixture.notes().stream()
                            .anyMatch(n -> n.startsWith("WARNING")
                                    && n.contains("nobody publishes one")
                                    && n.contains(ArchiveFixtures.sha256(archive))),
                    fixture.notes().toString());

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
                    DataUnavailableException.class, () -> fixture.cache(null).install(md5, fixture));
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
                        List.of(archive(server, name, archive, zip ? ArchiveFormat.ZIP : ArchiveFormat.TAR)));
                TaskDataException e = assertThrows(
                        TaskDataException.class, () -> fixture.cache(null).install(d, fixture));
                assertTrue(e.getMessage().contains("refused") && e.getMessage().contains("entry '"), e.getMessage());
                assertEquals(List.of(), fixture.installedEntries(), "nothing installed for archive " + i);
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
            TaskDataException e = assertThrows(
                    TaskDataException.class, () -> fixture.cache(null).install(d, fixture));
            assertTrue(e.getMessage().contains("lack test_batch.bin"), e.getMessage());
            assertEquals(List.of(), fixture.installedEntries());
        }
    }

    @Test
    void aFolderThatIsNotACompleteDatasetIsNotTakenForOne() throws Exception {
        OfficialDataset d = cifarLike(FixtureServer.deadUrl().resolve("x"), Checksum.sha256("00", "t"), -1);
        Files.createDirectories(tmp.resolve("cache/cifar10/cifar-10-batches-bin"));
        TaskDataException e =
                assertThrows(TaskDataException.class, () -> fixture.cache(null).has(d));
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

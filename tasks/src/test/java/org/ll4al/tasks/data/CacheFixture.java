package org.ll4al.tasks.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A data cache in a test's temporary folder, the notes it writes, and fixture datasets for it. */
final class CacheFixture implements DownloadListener {

    /** The two CIFAR-10 binary files a CIFAR-like archive holds, with short contents. */
    static final Map<String, String> CIFAR_LIKE = ArchiveFixtures.entries(
            "cifar-10-batches-bin/data_batch_1.bin", "batch one", "cifar-10-batches-bin/test_batch.bin", "test batch");

    private final Path tmp;
    private final List<String> notes = new ArrayList<>();

    CacheFixture(Path tmp) {
        this.tmp = tmp;
    }

    @Override
    public void transferred(String file, long done, long total) {
        // progress is not asserted
    }

    @Override
    public void note(String line) {
        notes.add(line);
    }

    /** The notes written so far. */
    List<String> notes() {
        return notes;
    }

    /** A cache in {@code tmp/cache}, fetching from {@code mirror} when not null, with 2-second timeouts. */
    DataCache cache(URI mirror) {
        return new DataCache(tmp.resolve("cache"), mirror, new HttpFetch(2_000, 2_000));
    }

    /** Everything in the cache folder except the downloads: what a failure must not leave behind. */
    List<String> installedEntries() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("downloads") && !n.equals(".lock"))
                    .sorted()
                    .toList();
        }
    }

    /** A CIFAR-like dataset in {@code cifar10/cifar-10-batches-bin}, from one tar.gz at {@code url}. */
    static OfficialDataset cifarLike(URI url, Checksum checksum, long size) {
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

    /** {@code data} as served under {@code name}, pinned by its SHA-256 and size. */
    static OfficialArchive archive(FixtureServer server, String name, byte[] data, ArchiveFormat format) {
        return new OfficialArchive(
                name,
                List.of(server.url(name)),
                Checksum.sha256(ArchiveFixtures.sha256(data), "test"),
                data.length,
                format,
                Map.of());
    }
}

package org.ll4al.tasks.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.ll4al.tasks.TaskDataException;

/**
 * The folder official datasets are fetched into, and the one way they get there. Layout:
 * {@code downloads/FILE} (a verified archive), {@code downloads/FILE.part} (a download in
 * progress, resumed by the next call), {@code downloads/FILE.rejected} (an archive that did not
 * match its checksum), and each dataset's {@link OfficialDataset#root()}.
 *
 * <p>Installing a dataset: each archive is taken from {@code downloads/} when it is there,
 * else fetched; either way its digest must match the published one. The archives are then
 * unpacked into a staging folder, the expected files are checked, and the dataset's part is moved
 * into place in one rename; a failure at any step leaves no dataset folder behind. An installed
 * dataset is used as it is, without any request.
 */
public final class DataCache {

    /** The provenance file written at the top of each installed dataset. */
    public static final String PROVENANCE = "ll4al-download.txt";

    private final Path root;
    private final URI mirror;
    private final HttpFetch http;

    /**
     * A cache in {@code root}.
     *
     * @param mirror a base URL to fetch every archive from instead of its official URLs ({@code
     *     mirror/FILE}), or null
     */
    public DataCache(Path root, URI mirror, HttpFetch http) {
        this.root = root.toAbsolutePath().normalize();
        this.mirror = mirror;
        this.http = http;
    }

    /** The folder datasets are fetched to and unpacked in ({@code -DdataCache}). */
    public Path root() {
        return root;
    }

    /** Where archives are downloaded to, and where one can be put by hand. */
    public Path downloads() {
        return root.resolve("downloads");
    }

    /** The folder to give as {@code -Ddata} for this dataset. */
    public Path dataFolder(OfficialDataset d) {
        return root.resolve(d.root()).resolve(d.data()).normalize();
    }

    /** The folder this dataset adds to the cache (present once it is installed). */
    Path installed(OfficialDataset d) {
        return root.resolve(d.root()).resolve(d.installs()).normalize();
    }

    /**
     * Whether the dataset is in the cache.
     *
     * @throws TaskDataException when its folder is there but lacks an expected file (not made by this cache)
     */
    public boolean has(OfficialDataset d) {
        if (!Files.isDirectory(installed(d))) {
            return false;
        }
        List<String> missing = missing(d, dataFolder(d));
        if (!missing.isEmpty()) {
            throw new TaskDataException(
                    installed(d) + ": exists but lacks " + String.join(", ", missing) + " of dataset " + d.name()
                            + "; it was not installed by the download (remove it to fetch the dataset again)");
        }
        return true;
    }

    /**
     * Makes the dataset present: fetches, checks and unpacks what is not there yet.
     *
     * @return the folder to give as {@code -Ddata}
     * @throws DataUnavailableException when an archive cannot be fetched or does not match its checksum
     * @throws TaskDataException when an archive cannot be unpacked safely or lacks what the task reads
     */
    public Path install(OfficialDataset d, DownloadListener listener) {
        if (has(d)) {
            return dataFolder(d);
        }
        try {
            Files.createDirectories(downloads());
        } catch (IOException e) {
            throw new TaskDataException(downloads() + ": cannot create the download folder: " + e, e);
        }
        try (FileChannel lockFile =
                        FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            if (has(d)) {
                return dataFolder(d); // another process installed it meanwhile
            }
            List<String> found = new ArrayList<>();
            for (OfficialArchive a : d.archives()) {
                found.add(fetchChecked(d, a, listener));
            }
            unpackAndMove(d, found, listener);
        } catch (IOException e) {
            throw new TaskDataException(root + ": cannot use the data cache: " + e, e);
        }
        for (OfficialArchive a : d.archives()) {
            try {
                Files.deleteIfExists(downloads().resolve(a.file()));
            } catch (IOException e) {
                listener.note("could not remove " + downloads().resolve(a.file()) + " (" + e + ")");
            }
        }
        return dataFolder(d);
    }

    /** The verified archive in {@code downloads/}, fetched when absent; returns its SHA-256. */
    private String fetchChecked(OfficialDataset d, OfficialArchive a, DownloadListener listener) throws IOException {
        Path file = downloads().resolve(a.file());
        if (Files.exists(file)) {
            listener.note("checking " + file + " (already downloaded)");
            return check(d, a, file, file, "the file found in " + downloads(), listener);
        }
        Path part = downloads().resolve(a.file() + ".part");
        List<URI> urls = urls(a);
        List<String> failures = new ArrayList<>();
        for (URI url : urls) {
            listener.note("downloading " + url + (a.size() >= 0 ? " (" + megabytes(a.size()) + ")" : ""));
            try {
                http.fetch(url, part, a.size(), a.file(), listener);
                String sha256 = check(d, a, part, file, url.toString(), listener);
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
                return sha256;
            } catch (HttpFetch.Truncated e) {
                throw new DataUnavailableException(
                        "the download of " + a.file() + " from " + url + " is incomplete: "
                                + e.getMessage() + "; nothing was unpacked, and " + part
                                + " is kept: the same command resumes"
                                + " it.\n" + byHand(d),
                        e);
            } catch (HttpFetch.Unreachable | HttpFetch.Refused e) {
                failures.add(e.getMessage());
            }
        }
        throw new DataUnavailableException("cannot download " + a.file() + " of dataset " + d.name() + ": "
                + String.join("; ", failures) + ".\n" + byHand(d));
    }

    private List<URI> urls(OfficialArchive a) {
        if (mirror == null) {
            return a.urls();
        }
        String base = mirror.toString().endsWith("/") ? mirror.toString() : mirror + "/";
        return List.of(URI.create(base).resolve(a.file()));
    }

    /**
     * Checks {@code file} against the published digest; on a mismatch moves it aside to
     * {@code target.rejected} and throws. Returns the SHA-256 found.
     */
    private String check(
            OfficialDataset d, OfficialArchive a, Path file, Path target, String from, DownloadListener listener)
            throws IOException {
        if (a.size() >= 0 && Files.size(file) != a.size()) {
            Path rejected = reject(file, target);
            throw new DataUnavailableException(target + " (from " + from + ") has " + Files.size(rejected)
                    + " bytes, but the published " + a.file() + " has " + a.size() + "; moved aside to " + rejected
                    + ", nothing was unpacked.\n" + byHand(d));
        }
        String[] found = digests(file, a, listener);
        Checksum c = a.checksum();
        if (!c.pinned()) {
            listener.note("WARNING: " + a.file() + " cannot be verified: " + c.source() + ". Its SHA-256 is " + found[0]
                    + "; compare it with a copy you trust.");
            return found[0];
        }
        String actual = c.algorithm().equals("MD5") ? found[1] : found[0];
        if (!actual.equals(c.hex())) {
            Path rejected = reject(file, target);
            throw new DataUnavailableException(a.file() + " (from " + from + ") is not the published archive: expected "
                    + c.algorithm() + " " + c.hex() + ", found " + actual + " (the expected value is from " + c.source()
                    + "); moved aside to " + rejected + ", nothing was unpacked.\n" + byHand(d));
        }
        listener.note(a.file() + ": " + c.algorithm() + " matches the published " + c.hex()
                + (c.algorithm().equals("MD5")
                        ? " (only an MD5 is published for this file; its SHA-256 is " + found[0] + ")"
                        : ""));
        return found[0];
    }

    private static Path reject(Path file, Path target) throws IOException {
        Path rejected = target.resolveSibling(target.getFileName() + ".rejected");
        Files.move(file, rejected, StandardCopyOption.REPLACE_EXISTING);
        return rejected;
    }

    /** {SHA-256, MD5} of the file, in lower-case hex (MD5 only where the pin is one, else null). */
    private static String[] digests(Path file, OfficialArchive a, DownloadListener listener) throws IOException {
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest md5 = "MD5".equals(a.checksum().algorithm()) ? digest("MD5") : null;
        long size = Files.size(file);
        long done = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) >= 0) {
                sha256.update(buf, 0, n);
                if (md5 != null) {
                    md5.update(buf, 0, n);
                }
                done += n;
                listener.transferred("checking " + a.file(), done, size);
            }
        }
        HexFormat hex = HexFormat.of();
        return new String[] {hex.formatHex(sha256.digest()), md5 == null ? null : hex.formatHex(md5.digest())};
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    /** Unpacks the verified archives into a staging folder, checks it, and moves the dataset into place. */
    private void unpackAndMove(OfficialDataset d, List<String> sha256s, DownloadListener listener) throws IOException {
        Path staging = Files.createTempDirectory(root, ".staging-" + d.name() + "-");
        try {
            for (OfficialArchive a : d.archives()) {
                listener.note("unpacking " + a.file());
                int files = ArchiveUnpacker.unpack(downloads().resolve(a.file()), a, staging, listener);
                listener.note(a.file() + ": " + files + " files unpacked");
            }
            Path stagedRoot = unwrapped(d, staging);
            List<String> missing = missing(d, stagedRoot.resolve(d.data()));
            if (!missing.isEmpty()) {
                throw new TaskDataException("the archives of dataset " + d.name() + " ("
                        + String.join(
                                ", ",
                                d.archives().stream().map(OfficialArchive::file).toList()) + ") lack "
                        + String.join(", ", missing)
                        + " where the task reads them; nothing was installed");
            }
            Path from = stagedRoot.resolve(d.installs());
            Files.writeString(from.resolve(PROVENANCE), provenance(d, sha256s));
            Path to = installed(d);
            Files.createDirectories(to.getParent());
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new TaskDataException(
                        root + ": cannot move " + from + " to " + to + " in one step (" + e
                                + "); the staging folder must be on the cache's file system",
                        e);
            }
        } finally {
            deleteStaging(staging, listener);
        }
    }

    /** Removes the staging folder; a failure to do so is reported, never hides the outcome. */
    private static void deleteStaging(Path staging, DownloadListener listener) {
        try {
            deleteTree(staging);
        } catch (IOException e) {
            listener.note("could not remove the staging folder " + staging + " (" + e + "); remove it by hand");
        }
    }

    /** The staged root; inside the one folder an archive wrapped everything in, when the expected files are there. */
    private static Path unwrapped(OfficialDataset d, Path staging) throws IOException {
        if (!d.installs().isEmpty() || missing(d, staging.resolve(d.data())).isEmpty()) {
            return staging;
        }
        try (Stream<Path> children = Files.list(staging)) {
            List<Path> all = children.toList();
            if (all.size() == 1
                    && Files.isDirectory(all.get(0))
                    && missing(d, all.get(0).resolve(d.data())).isEmpty()) {
                return all.get(0);
            }
        }
        return staging;
    }

    private static List<String> missing(OfficialDataset d, Path data) {
        return d.expect().stream().filter(e -> !Files.exists(data.resolve(e))).toList();
    }

    private String provenance(OfficialDataset d, List<String> sha256s) {
        StringBuilder sb = new StringBuilder("Dataset " + d.name() + ": " + d.description() + "\nInstalled by ll4al"
                + " (-Ddownload) on " + OffsetDateTime.now() + ".\n");
        for (int i = 0; i < d.archives().size(); i++) {
            OfficialArchive a = d.archives().get(i);
            sb.append(String.format(
                    Locale.ROOT,
                    "%s: from %s; SHA-256 %s; checked against %s (%s)%n",
                    a.file(),
                    String.join(" or ", urls(a).stream().map(URI::toString).toList()),
                    sha256s.get(i),
                    a.checksum().describe(),
                    a.checksum().source()));
        }
        return sb.toString();
    }

    /** What to put where to install the dataset without this program's download. */
    String byHand(OfficialDataset d) {
        StringBuilder sb = new StringBuilder("To install dataset " + d.name() + " by hand, put these files into "
                + downloads() + " and run the same command again (offline it then only checks and unpacks them):");
        for (OfficialArchive a : d.archives()) {
            Path dest = downloads().resolve(a.file());
            if (Files.exists(dest)) {
                continue;
            }
            sb.append("\n  ").append(a.file()).append(" from ").append(a.urls().get(0));
            sb.append(" (").append(a.size() >= 0 ? String.format(Locale.ROOT, "%,d bytes, ", a.size()) : "");
            sb.append(
                    a.checksum().pinned()
                            ? a.checksum().algorithm() + " " + a.checksum().hex()
                            : "no published checksum");
            sb.append(") -> ").append(dest);
        }
        return sb.toString();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

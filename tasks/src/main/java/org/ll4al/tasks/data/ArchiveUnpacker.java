package org.ll4al.tasks.data;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.ll4al.tasks.TaskDataException;

/**
 * Unpacks a tar, tar.gz or zip into a folder. No entry may leave it: an absolute name, a
 * {@code ..} segment or a link entry stops the unpacking with one error naming the archive and
 * the entry (the caller removes what was written).
 */
final class ArchiveUnpacker {

    private ArchiveUnpacker() {}

    /**
     * Unpacks {@code archive} into {@code dest} as {@code spec} says (every entry, or the picked ones renamed).
     *
     * @return the number of files written
     * @throws TaskDataException for an unsafe entry, a picked entry that is missing, or an unreadable archive
     */
    static int unpack(Path archive, OfficialArchive spec, Path dest, DownloadListener listener) {
        Set<String> found = new HashSet<>();
        int files;
        try {
            Files.createDirectories(dest);
            files = spec.format() == ArchiveFormat.ZIP
                    ? unzip(archive, spec, dest, found, listener)
                    : untar(archive, spec, dest, found, listener);
        } catch (IOException | IllegalArgumentException e) {
            throw new TaskDataException(
                    archive + ": cannot unpack it as "
                            + spec.format().name().toLowerCase(Locale.ROOT).replace('_', '.') + " into " + dest + ": "
                            + e,
                    e);
        }
        Set<String> missing = new TreeSet<>(spec.pick().keySet());
        missing.removeAll(found);
        if (!missing.isEmpty()) {
            throw new TaskDataException(archive + ": has no entry named " + String.join(", ", missing)
                    + " (expected in " + spec.file() + ")");
        }
        return files;
    }

    private static int untar(
            Path archive, OfficialArchive spec, Path dest, Set<String> found, DownloadListener listener)
            throws IOException {
        long size = Files.size(archive);
        int files = 0;
        try (Counting counted = new Counting(new BufferedInputStream(Files.newInputStream(archive), 1 << 16));
                InputStream raw =
                        spec.format() == ArchiveFormat.TAR_GZ ? new GzipCompressorInputStream(counted, true) : counted;
                TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.isSymbolicLink() || e.isLink()) {
                    throw unsafe(archive, e.getName(), "a link (to " + e.getLinkName() + ")");
                }
                if (!e.isDirectory() && !e.isFile()) {
                    throw unsafe(archive, e.getName(), "neither a file nor a folder");
                }
                if (write(archive, e.getName(), e.isDirectory(), tar, spec, dest, found)) {
                    files++;
                }
                listener.transferred("unpacking " + spec.file(), counted.count, size);
            }
        }
        return files;
    }

    private static int unzip(
            Path archive, OfficialArchive spec, Path dest, Set<String> found, DownloadListener listener)
            throws IOException {
        int files = 0;
        long done = 0;
        long size = Files.size(archive);
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                try (InputStream in = zip.getInputStream(e)) {
                    if (write(archive, e.getName(), e.isDirectory(), in, spec, dest, found)) {
                        files++;
                    }
                }
                done += Math.max(0, e.getCompressedSize());
                listener.transferred("unpacking " + spec.file(), Math.min(done, size), size);
            }
        }
        return files;
    }

    /** Writes one entry where it belongs; returns whether a file was written. */
    private static boolean write(
            Path archive,
            String name,
            boolean directory,
            InputStream in,
            OfficialArchive spec,
            Path dest,
            Set<String> found)
            throws IOException {
        String relative = relative(archive, name);
        if (relative.isEmpty()) {
            return false; // the archive's own root folder
        }
        if (!spec.pick().isEmpty()) {
            String base = relative.substring(relative.lastIndexOf('/') + 1);
            if (directory || !spec.pick().containsKey(base)) {
                return false;
            }
            found.add(base);
            relative = relative(archive, spec.pick().get(base));
        }
        Path target = inside(archive, name, dest, relative);
        if (directory) {
            Files.createDirectories(target);
            return false;
        }
        Files.createDirectories(target.getParent());
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    /**
     * The entry's path relative to the destination, with {@code /} separators and without a leading
     * {@code ./}; empty for the archive's root.
     *
     * @throws TaskDataException for an absolute name or a {@code ..} segment
     */
    static String relative(Path archive, String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            throw unsafe(archive, name, "an absolute path");
        }
        StringBuilder out = new StringBuilder();
        for (String segment : n.split("/")) {
            if (segment.equals("..")) {
                throw unsafe(archive, name, "a path with '..'");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            out.append(out.length() == 0 ? "" : "/").append(segment);
        }
        return out.toString();
    }

    private static Path inside(Path archive, String name, Path dest, String relative) {
        Path root = dest.toAbsolutePath().normalize();
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw unsafe(archive, name, "a path outside the dataset folder");
        }
        return target;
    }

    private static TaskDataException unsafe(Path archive, String name, String what) {
        return new TaskDataException(archive + ": entry '" + name + "' is " + what
                + "; refused (an entry may only write inside the dataset folder), nothing was installed");
    }

    /** Counts the bytes read from the archive file, for progress. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}

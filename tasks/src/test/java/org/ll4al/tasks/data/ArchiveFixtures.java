package org.ll4al.tasks.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Small archives made in memory for download tests: tar, tar.gz and zip of named text entries. */
public final class ArchiveFixtures {

    private ArchiveFixtures() {}

    /** Entries by name, in order, each holding the given text. */
    public static Map<String, String> entries(String... nameThenText) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenText.length; i += 2) {
            m.put(nameThenText[i], nameThenText[i + 1]);
        }
        return m;
    }

    /** A tar (gzip-compressed when {@code gzip}) of the text entries; a name is written as given, even absolute. */
    public static byte[] tar(Map<String, String> entries, boolean gzip) throws IOException {
        Map<String, byte[]> binary = new LinkedHashMap<>();
        entries.forEach((k, v) -> binary.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return tarOf(binary, gzip);
    }

    /** A tar (gzip-compressed when {@code gzip}) of the entries; a name is written as given, even absolute. */
    public static byte[] tarOf(Map<String, byte[]> entries, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream sink = gzip ? new GzipCompressorOutputStream(bytes) : bytes;
                TarArchiveOutputStream tar = new TarArchiveOutputStream(sink)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] data = e.getValue();
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                entry.setSize(data.length);
                tar.putArchiveEntry(entry);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A tar holding one symbolic link {@code name} pointing at {@code target}. */
    public static byte[] tarWithLink(String name, String target) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            entry.setLinkName(target);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    /** A zip of the entries, names as given. */
    public static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The SHA-256 of the bytes in lower-case hex. */
    public static String sha256(byte[] data) {
        return hex("SHA-256", data);
    }

    /** The MD5 of the bytes in lower-case hex. */
    public static String md5(byte[] data) {
        return hex("MD5", data);
    }

    private static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

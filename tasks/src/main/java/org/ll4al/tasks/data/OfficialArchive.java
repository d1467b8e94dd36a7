package org.ll4al.tasks.data;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One file of an official dataset and how to unpack it.
 *
 * @param file the archive's file name, also its name in the cache's {@code downloads/} folder
 * @param urls where to fetch it, the official location first, then mirrors (tried in order)
 * @param checksum the published digest it must match
 * @param size its length in bytes, or -1 when not published (the server's length is used then)
 * @param format how to read it
 * @param pick empty: every entry is unpacked under the dataset's root, at its own path; else only
 *     the entries whose file name is a key, each written to the path it maps to (for an
 *     annotation archive whose files the task reads under other names)
 */
public record OfficialArchive(
        String file, List<URI> urls, Checksum checksum, long size, ArchiveFormat format, Map<String, String> pick) {

    /** Copies the lists, which must not be empty where a URL is needed. */
    public OfficialArchive {
        urls = List.copyOf(urls);
        pick = Map.copyOf(pick);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(file + ": no URL");
        }
    }

    /** An archive unpacked whole, from one URL and its mirrors. */
    public static OfficialArchive of(String file, Checksum checksum, long size, ArchiveFormat format, String... urls) {
        return new OfficialArchive(
                file, List.of(urls).stream().map(URI::create).toList(), checksum, size, format, Map.of());
    }

    /** The same archive unpacking only the entries named in {@code pick}, renamed. */
    public OfficialArchive picking(Map<String, String> entries) {
        return new OfficialArchive(file, urls, checksum, size, format, entries);
    }
}

package org.ll4al.tasks.data;

import java.util.Locale;

/**
 * The digest an archive is checked against, and where the value was published.
 *
 * @param algorithm {@code SHA-256}, {@code MD5} (where no SHA-256 is published), or null when no
 *     checksum is published at all (the archive is then taken as downloaded, with a warning)
 * @param hex the expected digest in lower-case hex, or null with {@code algorithm}
 * @param source where the value comes from (a repository, file and commit), or why there is none
 */
public record Checksum(String algorithm, String hex, String source) {

    /** A SHA-256 published by {@code source}. */
    public static Checksum sha256(String hex, String source) {
        return new Checksum("SHA-256", hex.toLowerCase(Locale.ROOT), source);
    }

    /** An MD5 published by {@code source}, for an archive whose SHA-256 nobody publishes. */
    public static Checksum md5(String hex, String source) {
        return new Checksum("MD5", hex.toLowerCase(Locale.ROOT), source);
    }

    /** No published checksum; {@code why} says so (what was searched). */
    public static Checksum unpublished(String why) {
        return new Checksum(null, null, why);
    }

    /** Whether a value is pinned (false: the archive cannot be verified). */
    public boolean pinned() {
        return algorithm != null;
    }

    /** {@code SHA-256 c4a3...} or {@code no published checksum}, for messages. */
    public String describe() {
        return pinned() ? algorithm + " " + hex : "no published checksum";
    }
}

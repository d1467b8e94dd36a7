package org.ll4al.tasks.data;

/** How an archive file is read: a tar, a gzip-compressed tar, or a zip. */
public enum ArchiveFormat {
    /** A plain tar ({@code .tar}). */
    TAR,
    /** A gzip-compressed tar ({@code .tar.gz}, {@code .tgz}). */
    TAR_GZ,
    /** A zip ({@code .zip}). */
    ZIP
}

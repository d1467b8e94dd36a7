package org.ll4al.tasks.data;

/** What {@link DataCache} reports while it works: bytes transferred and one-line notes. */
public interface DownloadListener {

    /** A listener that reports nothing. */
    DownloadListener SILENT = new DownloadListener() {
        @Override
        public void transferred(String file, long done, long total) {
            // nothing
        }

        @Override
        public void note(String line) {
            // nothing
        }
    };

    /**
     * Bytes of {@code file} received (or checked) so far.
     *
     * @param total the expected length, or -1 when unknown
     */
    void transferred(String file, long done, long total);

    /** A line worth printing: what is fetched, checked, unpacked, or a warning. */
    void note(String line);
}

package org.ll4al.tasks.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one URL into a {@code .part} file over HTTP(S): follows redirects (http to https
 * included), resumes a part already there with a {@code Range} request (starting over when the
 * server ignores it), and gives up on a connection or read that stalls past its timeout.
 */
public final class HttpFetch {

    /** How many redirects one download follows. */
    static final int MAX_REDIRECTS = 10;

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    /** A fetcher with these timeouts for connecting and for each read. */
    public HttpFetch(int connectTimeoutMillis, int readTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** The server could not be reached, or did not answer in time; nothing was received. */
    static final class Unreachable extends IOException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server answered with an error status. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** The body stopped before its announced length; the bytes received stay in the part file. */
    static final class Truncated extends IOException {
        private static final long serialVersionUID = 1L;

        Truncated(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Downloads {@code url} into {@code part}, appending to what it holds when the server honours a range.
     *
     * @param expected the published length, or -1
     * @return the length of {@code part} once complete
     * @throws Unreachable when no connection or no answer came; {@link Refused} for an error status or a
     *     length other than the published one; {@link Truncated} when the body ended early
     */
    long fetch(URI url, Path part, long expected, String label, DownloadListener listener) throws IOException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (expected >= 0 && have > expected) {
            Files.delete(part); // not a prefix of the published file
            have = 0;
        }
        if (expected >= 0 && have == expected) {
            return have; // a previous run received all of it
        }
        HttpURLConnection c = open(url, have);
        try {
            int status = c.getResponseCode();
            long total;
            boolean append;
            if (status == HttpURLConnection.HTTP_PARTIAL && have > 0) {
                Matcher m = CONTENT_RANGE.matcher(String.valueOf(c.getHeaderField("Content-Range")));
                if (!m.matches() || Long.parseLong(m.group(1)) != have) {
                    throw new Refused(url + " answered a range other than the one asked ("
                            + c.getHeaderField("Content-Range") + ")");
                }
                total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
                append = true;
            } else if (status == HttpURLConnection.HTTP_OK) {
                long length = c.getContentLengthLong();
                total = length;
                append = false;
                have = 0;
            } else if (status == 416 && have > 0) {
                c.disconnect();
                Files.delete(part); // the part is not a prefix the server knows: start over
                return fetch(url, part, expected, label, listener);
            } else {
                throw new Refused(url + " answered HTTP " + status + " "
                        + String.valueOf(c.getResponseMessage()).trim());
            }
            if (expected >= 0 && total >= 0 && total != expected) {
                throw new Refused(url + " sends " + total + " bytes, but the published archive has " + expected
                        + " (another file?)");
            }
            long announced = total >= 0 ? total : expected;
            return copy(c, part, append, have, announced, label, listener);
        } finally {
            c.disconnect();
        }
    }

    private long copy(
            HttpURLConnection c,
            Path part,
            boolean append,
            long have,
            long total,
            String label,
            DownloadListener listener)
            throws IOException {
        long done = have;
        try (InputStream in = c.getInputStream();
                OutputStream out = Files.newOutputStream(
                        part,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[1 << 16];
            listener.transferred(label, done, total);
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                done += n;
                listener.transferred(label, done, total);
            }
        } catch (IOException e) {
            throw new Truncated(
                    "the transfer stopped after " + done + (total >= 0 ? " of " + total : "") + " bytes (" + e + ")",
                    e);
        }
        if (total >= 0 && done < total) {
            throw new Truncated("the connection closed after " + done + " of " + total + " bytes", null);
        }
        return done;
    }

    /** Connects, following redirects; asks for the bytes from {@code from} on when it is above 0. */
    private HttpURLConnection open(URI url, long from) throws IOException {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            String scheme = String.valueOf(current.getScheme());
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new Refused(url + " leads to " + current + ", which is not an http(s) URL");
            }
            URL u = current.toURL();
            HttpURLConnection c = (HttpURLConnection) u.openConnection();
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout(connectTimeoutMillis);
            c.setReadTimeout(readTimeoutMillis);
            c.setRequestProperty("User-Agent", "ll4al-download");
            c.setRequestProperty("Accept-Encoding", "identity");
            if (from > 0) {
                c.setRequestProperty("Range", "bytes=" + from + "-");
            }
            int status;
            try {
                status = c.getResponseCode();
            } catch (IOException e) {
                c.disconnect();
                throw new Unreachable(current + ": " + e, e);
            }
            if (status < 300 || status >= 400 || status == 304) {
                return c;
            }
            String location = c.getHeaderField("Location");
            c.disconnect();
            if (location == null) {
                throw new Refused(current + " answered HTTP " + status + " without a Location to follow");
            }
            try {
                current = current.resolve(new URI(location.trim()));
            } catch (URISyntaxException e) {
                throw new Refused(current + " redirects to an invalid URL: " + location);
            }
        }
        throw new Refused(url + ": more than " + MAX_REDIRECTS + " redirects");
    }
}

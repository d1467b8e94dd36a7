package org.ll4al.tasks.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server for download tests, on 127.0.0.1 and a free port: serves files by path
 * (honouring {@code Range: bytes=N-}), redirects, and can cut a body short; it logs each request.
 */
public final class FixtureServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, Integer> cutAfter = new ConcurrentHashMap<>();
    /** "METHOD path [Range]" of every request, in order. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    /** Starts a server. */
    public FixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A URL of a port where no server listens (a server started and stopped). */
    public static URI deadUrl() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The URL of a path on this server ({@code path} without the leading slash). */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path);
    }

    /** Serves {@code data} at {@code path}. */
    public FixtureServer serve(String path, byte[] data) {
        files.put("/" + path, data);
        return this;
    }

    /** Answers {@code path} with a 302 to {@code target} (another path of this server). */
    public FixtureServer redirect(String path, String target) {
        redirects.put("/" + path, "/" + target);
        return this;
    }

    /** Sends only the first {@code bytes} of {@code path}'s full body (after announcing its whole length), once. */
    public FixtureServer cutAfter(String path, int bytes) {
        cutAfter.put("/" + path, bytes);
        return this;
    }

    private void handle(HttpExchange ex) {
        String path = ex.getRequestURI().getPath();
        String range = ex.getRequestHeaders().getFirst("Range");
        requests.add(ex.getRequestMethod() + " " + path + (range == null ? "" : " " + range));
        try {
            if (redirects.containsKey(path)) {
                ex.getResponseHeaders().add("Location", redirects.get(path));
                ex.sendResponseHeaders(302, -1);
                return;
            }
            byte[] data = files.get(path);
            if (data == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            int from = 0;
            Matcher m = range == null ? null : RANGE.matcher(range);
            if (m != null && m.matches()) {
                from = Integer.parseInt(m.group(1));
                ex.getResponseHeaders()
                        .add("Content-Range", "bytes " + from + "-" + (data.length - 1) + "/" + data.length);
                ex.sendResponseHeaders(206, data.length - from);
            } else {
                ex.sendResponseHeaders(200, data.length);
            }
            Integer cut = cutAfter.remove(path);
            OutputStream out = ex.getResponseBody();
            out.write(data, from, cut == null ? data.length - from : Math.min(cut, data.length - from));
            out.flush();
        } catch (IOException e) {
            // the client went away
        } finally {
            try {
                ex.close(); // short of the announced length: the server drops the connection
            } catch (RuntimeException e) {
                // as above
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package org.dl4jworkbench.core.data.catalog;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server for download tests, on 127.0.0.1 and a free port: serves byte arrays
 * with real Range support (206 with Content-Range, 416 past the end), records every
 * request's Range header, and can ignore Range or drop a connection part way.
 */
public final class TestServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Long> dropOnce = new ConcurrentHashMap<>();
    private final Map<String, Long> stallOnce = new ConcurrentHashMap<>();
    /** "PATH RANGE" per request, RANGE being "-" where there was none. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile boolean ignoreRange;

    public TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path);
    }

    public void serve(String path, byte[] content) {
        files.put(path, content);
    }

    /** The next answer for {@code path} stops after {@code bytes} body bytes and closes the connection. */
    public void dropOnceAfter(String path, long bytes) {
        dropOnce.put(path, bytes);
    }

    /** The next answer for {@code path} goes silent after {@code bytes} body bytes, until the server stops. */
    void stallOnceAfter(String path, long bytes) {
        stallOnce.put(path, bytes);
    }

    /** The Range headers the server saw for {@code path}, "-" for none. */
    public List<String> rangesOf(String path) {
        return requests.stream().filter(r -> r.startsWith(path + " ")).map(r -> r.substring(path.length() + 1))
                .toList();
    }

    /** A URL on which nothing listens: connecting is refused at once. */
    public static URI refusedUrl(String path) throws IOException {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/" + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(1);
        String range = exchange.getRequestHeaders().getFirst("Range");
        requests.add(path + " " + (range == null ? "-" : range));
        byte[] content = files.get(path);
        if (content == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        long from = 0;
        Matcher m = range == null ? null : RANGE.matcher(range);
        exchange.getResponseHeaders().set("Accept-Ranges", ignoreRange ? "none" : "bytes");
        if (m != null && m.matches() && !ignoreRange) {
            from = Long.parseLong(m.group(1));
            if (from >= content.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
                exchange.sendResponseHeaders(416, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
            exchange.sendResponseHeaders(206, content.length - from);
        } else {
            exchange.sendResponseHeaders(200, content.length);
        }
        Long drop = dropOnce.remove(path);
        Long stall = stallOnce.remove(path);
        long cut = drop != null ? drop : stall != null ? stall : Long.MAX_VALUE;
        long end = Math.min(content.length, from + Math.min(cut, content.length));
        OutputStream body = exchange.getResponseBody();
        for (long at = from; at < end; at += 8192) {
            body.write(content, (int) at, (int) Math.min(8192, end - at));
        }
        body.flush();
        if (stall != null) {
            try {
                Thread.sleep(60_000); // interrupted when the server stops
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("test server: stalled");
        }
        if (drop != null) {
            // An exception out of a handler makes HttpServer close the connection: the client
            // sees it end before Content-Length, as when a real connection drops.
            throw new IOException("test server: dropping the connection after " + drop + " bytes");
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

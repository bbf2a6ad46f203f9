package org.dl4jworkbench.core.data.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches one URL into a {@code .part} file, resuming what the file already holds with a
 * Range request. Copes with a server that ignores Range (it answers 200: start over), a
 * partial file larger than the file (416: start over), a connection that drops (resume, a
 * few times, as long as each try brings bytes) and a stall (no byte for a minute: give up on
 * this URL). The URL a part came from is kept beside it ({@code NAME.part.url}), so bytes of
 * two servers, which may gzip the same data differently, are never joined.
 */
final class HttpTransfer {

    /** Tries on one URL after the connection dropped, each of which must have brought bytes. */
    static final int MAX_RESUMES = 5;
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration HEADERS_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 200;
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern UNSATISFIED = Pattern.compile("bytes \\*/(\\d+)");

    /** The server answered with neither the file nor a part of it (404, 403, 500, ...). */
    static final class HttpStatusException extends IOException {
        HttpStatusException(int status) {
            super("HTTP " + status + switch (status) {
                case 403 -> " (forbidden)";
                case 404 -> " (not found)";
                case 410 -> " (gone)";
                case 429 -> " (too many requests)";
                case 500, 502, 503, 504 -> " (server error)";
                default -> "";
            });
        }
    }

    private final HttpClient client;
    private final DownloadProgress progress;
    private final BooleanSupplier cancelled;
    private final Duration stallTimeout;

    HttpTransfer(DownloadProgress progress, BooleanSupplier cancelled, Duration stallTimeout) {
        // HTTP/1.1: a plain stream of bytes is all a download needs, and it spares old
        // servers the h2c upgrade offer.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(CONNECT_TIMEOUT).build();
        this.progress = progress;
        this.cancelled = cancelled;
        this.stallTimeout = stallTimeout;
    }

    /** {@code urls} with the one {@code part} came from first, so that an interrupted download resumes. */
    static List<URI> resumableFirst(List<URI> urls, Path part) {
        URI source = sourceOf(part);
        List<URI> ordered = new ArrayList<>(urls);
        if (source != null && ordered.remove(source)) {
            ordered.add(0, source);
        }
        return ordered;
    }

    /** Deletes a part and the note of where it came from. */
    static void discard(Path part) throws IOException {
        Files.deleteIfExists(part);
        Files.deleteIfExists(sourceFile(part));
    }

    /**
     * Fetches {@code url} into {@code part} until it holds the whole file.
     *
     * @param label names the file in progress reports
     * @throws CancellationException where {@code cancelled} turned true; the part is kept to resume
     */
    void fetch(URI url, Path part, String label) throws IOException {
        if (Files.exists(part) && !url.equals(sourceOf(part))) {
            discard(part); // from another server, or from who knows where
        }
        for (int tries = 0; ; tries++) {
            long before = sizeOf(part);
            try {
                if (attempt(url, part, label)) {
                    return;
                }
                if (tries >= MAX_RESUMES) {
                    throw new IOException("the server's answers to resuming at byte " + before + " do not fit");
                }
            } catch (HttpStatusException e) {
                throw e;
            } catch (IOException e) {
                long after = sizeOf(part);
                if (after <= before || tries >= MAX_RESUMES) {
                    throw e;
                }
                progress.step(String.format("%s: the download broke off after %,d bytes (%s); resuming", label,
                        after, describe(e)));
            }
        }
    }

    /** One request. True where the part now holds the whole file; false where it must start over. */
    private boolean attempt(URI url, Path part, String label) throws IOException {
        long have = sizeOf(part);
        if (have == 0) {
            Files.writeString(sourceFile(part), url.toString(), StandardCharsets.UTF_8);
        }
        var request = HttpRequest.newBuilder(url).timeout(HEADERS_TIMEOUT).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            var sink = new PartSink(channel, have, label, url);
            HttpResponse<Long> response = await(client.sendAsync(request.build(), sink::subscriber), sink);
            sink.report();
            switch (sink.outcome) {
                case WHOLE:
                    return true;
                case START_OVER:
                    channel.truncate(0);
                    return false;
                case BODY:
                    long size = sink.start + response.body();
                    if (sink.total >= 0 && size != sink.total) {
                        throw new IOException(String.format("the connection closed after %,d of %,d bytes", size,
                                sink.total));
                    }
                    return true;
                default:
                    throw new HttpStatusException(response.statusCode());
            }
        }
    }

    private HttpResponse<Long> await(CompletableFuture<HttpResponse<Long>> response, PartSink sink)
            throws IOException {
        while (true) {
            try {
                return response.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                sink.report();
                if (cancelled.getAsBoolean()) {
                    sink.abort(new CancellationException("download cancelled"));
                    response.cancel(true);
                    throw new CancellationException("download of " + sink.label + " cancelled");
                }
                if (System.nanoTime() - sink.lastData.get() > stallTimeout.toNanos()) {
                    IOException stalled = new IOException("no data for " + (stallTimeout.toMillis() % 1000 == 0
                            ? stallTimeout.toSeconds() : stallTimeout.toMillis() / 1000.0) + " s");
                    sink.abort(stalled);
                    response.cancel(true);
                    throw stalled;
                }
            } catch (ExecutionException e) {
                throw unwrap(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sink.abort(new CancellationException("interrupted"));
                response.cancel(true);
                throw new CancellationException("download of " + sink.label + " interrupted");
            }
        }
    }

    private static IOException unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof CancellationException c) {
            throw c;
        }
        if (t instanceof UncheckedIOException u) {
            return u.getCause();
        }
        return t instanceof IOException io ? io : new IOException(t.toString(), t);
    }

    /** Why a URL failed, in a few words for the user. */
    static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof HttpStatusException) {
            return message;
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + HEADERS_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof UnknownHostException || e.getCause() instanceof UnresolvedAddressException) {
            return "unknown host (is there a network?)";
        }
        if (e instanceof ConnectException) {
            return "could not connect (" + (message != null ? message : "connection refused") + ")";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "the secure connection failed (" + message + ")";
        }
        return message != null ? message : e.getClass().getSimpleName();
    }

    private static long sizeOf(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static Path sourceFile(Path part) {
        return part.resolveSibling(part.getFileName() + ".url");
    }

    private static URI sourceOf(Path part) {
        Path source = sourceFile(part);
        try {
            return Files.isRegularFile(source) && Files.isRegularFile(part)
                    ? URI.create(Files.readString(source, StandardCharsets.UTF_8).strip()) : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private enum Outcome { BODY, WHOLE, START_OVER, STATUS }

    /**
     * Decides from the status line what the body is, and writes it to the part. Runs on the
     * HTTP client's threads; progress is told from the waiting thread, the caller's.
     */
    private final class PartSink {
        final FileChannel channel;
        final long have;
        final String label;
        final URI url;
        final AtomicLong written = new AtomicLong();
        final AtomicLong lastData = new AtomicLong(System.nanoTime());
        final CompletableFuture<Long> body = new CompletableFuture<>();
        volatile Outcome outcome = Outcome.STATUS;
        volatile long start;
        volatile long total = -1;
        volatile Flow.Subscription subscription;
        /** A step to tell, set on the client's thread and told on the waiting one. */
        volatile String note;

        PartSink(FileChannel channel, long have, String label, URI url) {
            this.channel = channel;
            this.have = have;
            this.label = label;
            this.url = url;
        }

        BodySubscriber<Long> subscriber(HttpResponse.ResponseInfo info) {
            lastData.set(System.nanoTime());
            int status = info.statusCode();
            String range = info.headers().firstValue("Content-Range").orElse("");
            try {
                if (status == 200) {
                    if (have > 0) {
                        note = label + ": " + url.getHost() + " does not resume downloads; starting over";
                    }
                    channel.truncate(0);
                    return writeFrom(0, info.headers().firstValueAsLong("Content-Length").orElse(-1));
                }
                if (status == 206) {
                    Matcher m = RANGE.matcher(range);
                    if (m.matches() && Long.parseLong(m.group(1)) == have) {
                        return writeFrom(have, m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3)));
                    }
                    outcome = Outcome.START_OVER;
                } else if (status == 416) {
                    Matcher m = UNSATISFIED.matcher(range);
                    // Nothing after the bytes we have: the part is whole, or larger than the file.
                    outcome = m.matches() && Long.parseLong(m.group(1)) == have ? Outcome.WHOLE : Outcome.START_OVER;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return BodySubscribers.replacing(0L);
        }

        private BodySubscriber<Long> writeFrom(long position, long length) throws IOException {
            channel.position(position);
            start = position;
            total = length;
            outcome = Outcome.BODY;
            return new BodySubscriber<>() {
                @Override
                public CompletableFuture<Long> getBody() {
                    return body;
                }

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    s.request(1);
                }

                @Override
                public void onNext(List<ByteBuffer> buffers) {
                    if (body.isDone()) {
                        return;
                    }
                    if (cancelled.getAsBoolean()) {
                        abort(new CancellationException("download cancelled"));
                        return;
                    }
                    try {
                        for (ByteBuffer buffer : buffers) {
                            while (buffer.hasRemaining()) {
                                written.addAndGet(channel.write(buffer));
                            }
                        }
                        lastData.set(System.nanoTime());
                        subscription.request(1);
                    } catch (IOException e) {
                        abort(e);
                    }
                }

                @Override
                public void onError(Throwable t) {
                    body.completeExceptionally(t);
                }

                @Override
                public void onComplete() {
                    body.complete(written.get());
                }
            };
        }

        void abort(Throwable why) {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            body.completeExceptionally(why);
        }

        void report() {
            String told = note;
            if (told != null) {
                note = null;
                progress.step(told);
            }
            if (outcome == Outcome.BODY) {
                progress.update(label, start + written.get(), total);
            }
        }
    }
}

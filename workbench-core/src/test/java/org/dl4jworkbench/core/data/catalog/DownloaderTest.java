package org.dl4jworkbench.core.data.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a local HTTP server: resuming, mirrors, checksums, and what a user is told. */
class DownloaderTest {

    private static final int SIZE = 2_000_000;

    @TempDir
    Path root;

    TestServer server;
    byte[] content;
    final List<long[]> updates = new CopyOnWriteArrayList<>();
    final List<String> steps = new CopyOnWriteArrayList<>();
    final DownloadProgress progress = new DownloadProgress() {
        @Override
        public void update(String file, long done, long total) {
            updates.add(new long[] {done, total});
        }

        @Override
        public void step(String message) {
            steps.add(message);
        }
    };

    @BeforeEach
    void start() throws IOException {
        server = new TestServer();
        content = bytes(SIZE, 1);
        server.serve("data.bin", content);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    static byte[] gzip(byte[] data) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private CatalogEntry entry(RemoteFile... files) {
        return new CatalogEntry("test", "idx", "test data", List.of(files));
    }

    private CatalogEntry plainEntry(URI... urls) throws Exception {
        return entry(RemoteFile.plain("data.bin", List.of(urls), SIZE, sha256(content)));
    }

    private Path folder() {
        return root.resolve("test");
    }

    /** What is left in the dataset folder besides the lock file. */
    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".lock")).sorted().toList();
        }
    }

    @Test
    void downloadsVerifiesAndReportsProgressUpToTheTotal() throws Exception {
        CatalogEntry entry = plainEntry(server.url("data.bin"));
        Path folder = new Downloader(root, progress, null).download(entry);
        assertThat(folder).isEqualTo(folder());
        assertThat(Files.readAllBytes(folder.resolve("data.bin"))).isEqualTo(content);
        assertThat(updates.get(updates.size() - 1)).containsExactly(SIZE, SIZE);
        assertThat(updates).allSatisfy(u -> assertThat(u[0]).isBetween(0L, (long) SIZE));
        assertThat(leftovers()).containsExactly(".verified", "data.bin");
        assertThat(LocalCopy.of(entry, root).state()).isEqualTo(LocalCopy.State.VERIFIED);
        assertThat(server.rangesOf("data.bin")).containsExactly("-");
    }

    @Test
    void cancelledDownloadKeepsItsPartAndResumesWithARangeRequest() throws Exception {
        CatalogEntry entry = plainEntry(server.url("data.bin"));
        Path part = folder().resolve("data.bin.part");
        var cancelling = new Downloader(root, progress, () -> sizeOf(part) >= SIZE / 2);
        assertThatThrownBy(() -> cancelling.download(entry)).isInstanceOf(CancellationException.class);
        long kept = Files.size(part);
        assertThat(kept).isBetween((long) SIZE / 2, SIZE - 1L);
        assertThat(LocalCopy.of(entry, root).state()).isEqualTo(LocalCopy.State.PARTIAL);
        assertThat(LocalCopy.of(entry, root).partBytes()).isEqualTo(kept);

        updates.clear();
        new Downloader(root, progress, null).download(entry);
        assertThat(server.rangesOf("data.bin")).containsExactly("-", "bytes=" + kept + "-");
        assertThat(Files.readAllBytes(folder().resolve("data.bin"))).isEqualTo(content);
        assertThat(updates.get(0)[0]).isGreaterThanOrEqualTo(kept);
        assertThat(updates.get(updates.size() - 1)).containsExactly(SIZE, SIZE);
        assertThat(leftovers()).containsExactly(".verified", "data.bin");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void droppedConnectionIsResumedWithARangeRequestInTheSameDownload() throws Exception {
        server.dropOnceAfter("data.bin", SIZE / 2);
        new Downloader(root, progress, null).download(plainEntry(server.url("data.bin")));
        List<String> ranges = server.rangesOf("data.bin");
        assertThat(ranges).hasSize(2);
        assertThat(ranges.get(0)).isEqualTo("-");
        assertThat(ranges.get(1)).matches("bytes=\\d+-");
        long resumedAt = Long.parseLong(ranges.get(1).replaceAll("\\D", ""));
        assertThat(resumedAt).isPositive().isLessThanOrEqualTo(SIZE / 2);
        assertThat(Files.readAllBytes(folder().resolve("data.bin"))).isEqualTo(content);
        assertThat(steps).anyMatch(s -> s.contains("the download broke off after") && s.endsWith("resuming"));
    }

    @Test
    void serverThatIgnoresRangeIsDownloadedAgainFromTheStart() throws Exception {
        CatalogEntry entry = plainEntry(server.url("data.bin"));
        Path part = folder().resolve("data.bin.part");
        assertThatThrownBy(() -> new Downloader(root, progress, () -> sizeOf(part) >= SIZE / 2).download(entry))
                .isInstanceOf(CancellationException.class);
        long kept = Files.size(part);
        server.ignoreRange = true;
        new Downloader(root, progress, null).download(entry);
        assertThat(server.rangesOf("data.bin")).containsExactly("-", "bytes=" + kept + "-");
        assertThat(Files.readAllBytes(folder().resolve("data.bin"))).isEqualTo(content);
        assertThat(steps).anyMatch(s -> s.contains("does not resume downloads; starting over"));
    }

    @Test
    void partLargerThanTheFileStartsOver() throws Exception {
        CatalogEntry entry = plainEntry(server.url("data.bin"));
        Path part = folder().resolve("data.bin.part");
        assertThatThrownBy(() -> new Downloader(root, progress, () -> sizeOf(part) >= SIZE / 2).download(entry))
                .isInstanceOf(CancellationException.class);
        long kept = Files.size(part);
        byte[] smaller = bytes(SIZE / 4, 2); // the file changed on the server meanwhile
        server.serve("data.bin", smaller);
        CatalogEntry changed = entry(RemoteFile.plain("data.bin", List.of(server.url("data.bin")), smaller.length,
                sha256(smaller)));
        new Downloader(root, progress, null).download(changed);
        assertThat(server.rangesOf("data.bin")).containsExactly("-", "bytes=" + kept + "-", "-");
        assertThat(Files.readAllBytes(folder().resolve("data.bin"))).isEqualTo(smaller);
    }

    @Test
    void checksumMismatchDeletesTheFileAndNamesFileAndUrl() throws Exception {
        URI url = server.url("data.bin");
        CatalogEntry entry = entry(RemoteFile.plain("data.bin", List.of(url), SIZE, sha256(new byte[] {1})));
        assertThatThrownBy(() -> new Downloader(root, progress, null).download(entry))
                .isInstanceOf(DownloadException.class)
                .hasMessage("data.bin from " + url + " is not the expected file: its SHA-256 is " + sha256(content)
                        + ", expected " + sha256(new byte[] {1}) + "; the file was deleted. Run ./workbench datasets "
                        + "download test to try again; if the same happens, the server now sends a different file.");
        assertThat(leftovers()).isEmpty();
        assertThat(LocalCopy.of(entry, root).state()).isEqualTo(LocalCopy.State.MISSING);
    }

    @Test
    void failingUrlsFallBackToAMirror() throws Exception {
        URI refused = TestServer.refusedUrl("data.bin");
        URI missing = server.url("gone/data.bin");
        new Downloader(root, progress, null).download(plainEntry(refused, missing, server.url("data.bin")));
        assertThat(Files.readAllBytes(folder().resolve("data.bin"))).isEqualTo(content);
        assertThat(steps).contains(
                "could not get data.bin from " + refused + ": could not connect (connection refused)",
                "could not get data.bin from " + missing + ": HTTP 404 (not found)");
    }

    @Test
    void noReachableUrlSaysWhereToPutWhichFilesByHand() throws Exception {
        URI refused = TestServer.refusedUrl("a.bin");
        URI missing = server.url("gone/a.bin");
        CatalogEntry entry = entry(RemoteFile.plain("a.bin", List.of(refused, missing), 10, sha256(content)),
                RemoteFile.gzipped("b.gz", List.of(server.url("gone/b.gz")), 10, sha256(content)));
        assertThatThrownBy(() -> new Downloader(root, progress, null).download(entry))
                .isInstanceOf(DownloadException.class)
                .hasMessage("could not download test: no location of a.bin could be reached:\n"
                        + "  " + refused + ": could not connect (connection refused)\n"
                        + "  " + missing + ": HTTP 404 (not found)\n"
                        + "To install it by hand, fetch these files on a computer with a network and put them in "
                        + folder() + ":\n"
                        + "  a.bin  from " + refused + " (or " + missing + ")\n"
                        + "  b.gz  from " + server.url("gone/b.gz") + "\n"
                        + "then run ./workbench datasets download test again: it checks them and finishes without the "
                        + "network. Or run that command again once the network is back; it resumes where it stopped.");
    }

    @Test
    void gzippedFileIsKeptGunzippedAndCheckedByItsContent() throws Exception {
        server.serve("data.bin.gz", gzip(content));
        CatalogEntry entry = entry(RemoteFile.gzipped("data.bin.gz", List.of(server.url("data.bin.gz")), 0,
                sha256(content)));
        new Downloader(root, progress, null).download(entry);
        assertThat(Files.readAllBytes(folder().resolve("data.bin"))).isEqualTo(content);
        assertThat(leftovers()).containsExactly(".verified", "data.bin");
    }

    @Test
    void gzipOfTheWrongContentIsRefused() throws Exception {
        server.serve("data.bin.gz", gzip(bytes(100, 3)));
        URI url = server.url("data.bin.gz");
        CatalogEntry entry = entry(RemoteFile.gzipped("data.bin.gz", List.of(url), 0, sha256(content)));
        assertThatThrownBy(() -> new Downloader(root, progress, null).download(entry))
                .hasMessageStartingWith("data.bin.gz from " + url + " is not the expected file: the SHA-256 of its "
                        + "gunzipped content is " + sha256(bytes(100, 3)));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anHtmlPageInsteadOfAGzipIsRefused() throws Exception {
        server.serve("data.bin.gz", "<html>Please log in</html>".getBytes());
        CatalogEntry entry = entry(RemoteFile.gzipped("data.bin.gz", List.of(server.url("data.bin.gz")), 0,
                sha256(content)));
        assertThatThrownBy(() -> new Downloader(root, progress, null).download(entry))
                .hasMessageContaining("is not the expected file: it is not a complete gzip file");
    }

    @Test
    void aDownloadedFolderIsNotFetchedAgain() throws Exception {
        CatalogEntry entry = plainEntry(server.url("data.bin"));
        new Downloader(root, progress, null).download(entry);
        new Downloader(root, progress, null).download(entry);
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void aFileThatChangedSizeVoidsTheVerifiedMarkAndIsFetchedAgain() throws Exception {
        CatalogEntry entry = plainEntry(server.url("data.bin"));
        new Downloader(root, progress, null).download(entry);
        Files.write(folder().resolve("data.bin"), new byte[] {1, 2, 3});
        assertThat(LocalCopy.of(entry, root).state()).isEqualTo(LocalCopy.State.UNCHECKED);
        new Downloader(root, progress, null).download(entry);
        assertThat(Files.readAllBytes(folder().resolve("data.bin"))).isEqualTo(content);
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void filesPutInTheFolderByHandAreCheckedWithoutTheNetwork() throws Exception {
        URI refused = TestServer.refusedUrl("data.bin.gz");
        CatalogEntry entry = entry(RemoteFile.gzipped("data.bin.gz", List.of(refused), 0, sha256(content)));
        Files.createDirectories(folder());
        Files.write(folder().resolve("data.bin.gz"), gzip(content));
        assertThat(LocalCopy.of(entry, root).describe()).isEqualTo("files present, not yet verified");
        new Downloader(root, progress, null).download(entry);
        assertThat(Files.readAllBytes(folder().resolve("data.bin"))).isEqualTo(content);
        assertThat(leftovers()).containsExactly(".verified", "data.bin");
    }

    @Test
    void wrongFileInItsKeptFormIsNamedOnOpenAndReplacedByADownload() throws Exception {
        server.serve("data.bin.gz", gzip(content));
        CatalogEntry entry = entry(RemoteFile.gzipped("data.bin.gz", List.of(server.url("data.bin.gz")), 0,
                sha256(content)));
        Path kept = Files.createDirectories(folder()).resolve("data.bin");
        Files.write(kept, bytes(100, 4));
        assertThatThrownBy(() -> Catalog.open(entry, root))
                .isInstanceOf(org.dl4jworkbench.core.data.InvalidDataException.class)
                .hasMessage(kept + " is not the expected file: its SHA-256 is " + sha256(bytes(100, 4)) + ", expected "
                        + sha256(content) + ". Run ./workbench datasets download test, or put a good copy there.");
        assertThat(kept).exists();
        new Downloader(root, progress, null).download(entry);
        assertThat(Files.readAllBytes(kept)).isEqualTo(content);
        assertThat(steps).anyMatch(s -> s.startsWith(kept + " is not the expected file") && s.endsWith("downloading "
                + "it again"));
    }

    @Test
    void stalledConnectionIsGivenUpAndResumed() throws Exception {
        server.stallOnceAfter("data.bin", SIZE / 2);
        new Downloader(root, progress, null, java.time.Duration.ofMillis(700))
                .download(plainEntry(server.url("data.bin")));
        assertThat(server.rangesOf("data.bin")).hasSize(2).last().asString().matches("bytes=\\d+-");
        assertThat(Files.readAllBytes(folder().resolve("data.bin"))).isEqualTo(content);
        assertThat(steps).anyMatch(s -> s.contains("broke off after") && s.endsWith("(no data for 0.7 s); resuming"));
    }
}

package org.dl4jworkbench.core.pretrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.data.catalog.ByteSize;
import org.dl4jworkbench.core.data.catalog.DownloadException;
import org.dl4jworkbench.core.data.catalog.Downloader;
import org.dl4jworkbench.core.data.catalog.LocalCopy;
import org.dl4jworkbench.core.data.catalog.RemoteFile;
import org.dl4jworkbench.core.data.catalog.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pretrained networks' catalogue: what it says, where it installs, downloads from a local server, by hand. */
class PretrainedCatalogTest {

    private static final PretrainedEntry MOBILENET = PretrainedCatalog.MOBILENET_V1_075;
    private static final String FILE = "mobilenet_v1_0.75_224_imagenet.h5";
    private static final String SHA256 = "3f4c38af7e766534f0a1e8592db1cd4e76972476332326b7d1cece972a1ddcfb";
    private static final int SIZE = 2_000_000;

    @TempDir
    Path root;

    TestServer server;
    byte[] content;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer();
        content = new byte[SIZE];
        new Random(7).nextBytes(content);
        server.serve(FILE, content);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** CI has ../shared beside the repository; from the module folder that is ../../shared. */
    static Path sharedData(String name) {
        Path file = Path.of("..", "..", "shared", "data", name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("this test needs the shared data file " + file + " (../shared/data beside the "
                    + "repository, see its README.md); it is not there");
        }
        return file;
    }

    private Path folder() {
        return root.resolve("models").resolve("mobilenet-v1-0.75");
    }

    private PretrainedEntry served(URI... urls) throws Exception {
        return MOBILENET.withFile(RemoteFile.plain(FILE, List.of(urls), SIZE, sha256(content)));
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void mobileNetIsListedWithWhatItTakesAndTells() {
        assertThat(PretrainedCatalog.entries()).containsExactly(MOBILENET);
        assertThat(PretrainedCatalog.find("mobilenet-v1-0.75")).contains(MOBILENET);
        assertThat(PretrainedCatalog.find("resnet50")).isEmpty();
        assertThat(PretrainedCatalog.unknownId("resnet50"))
                .isEqualTo("unknown network 'resnet50'; the catalogue has: mobilenet-v1-0.75");
        assertThat(MOBILENET.licence()).isEqualTo("Apache-2.0");
        assertThat(MOBILENET.provenance()).contains("tensorflow/models", "Keras",
                "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet/mobilenet_7_5_224_tf.h5");
        assertThat(MOBILENET.input()).hasToString("224x224x3");
        assertThat(MOBILENET.scaling()).hasToString("x/127.5 - 1");
        assertThat(MOBILENET.scaling().apply(0)).isEqualTo(-1.0);
        assertThat(MOBILENET.scaling().apply(255)).isEqualTo(1.0);
        assertThat(MOBILENET.file().name()).isEqualTo(FILE);
        assertThat(MOBILENET.file().size()).isEqualTo(10_659_272L);
        assertThat(MOBILENET.file().sha256()).isEqualTo(SHA256);
        assertThat(MOBILENET.file().urls()).isEmpty();
        assertThat(ByteSize.format(MOBILENET.downloadSize())).isEqualTo("10.7 MB");
        assertThat(MOBILENET.folder(root)).isEqualTo(folder());
        assertThat(MOBILENET.modelFile(root)).isEqualTo(folder().resolve(FILE));
        assertThat(MOBILENET.downloadCommand()).isEqualTo("./workbench models download mobilenet-v1-0.75");
    }

    /** The product's own copy of the class names is the shared one, line for line. */
    @Test
    void imageNetClassNamesShipWithTheProduct() throws IOException {
        List<String> names = MOBILENET.classNames();
        assertThat(names).hasSize(1000);
        assertThat(names.get(0)).isEqualTo("tench, Tinca tinca");
        assertThat(names.get(285)).isEqualTo("Egyptian cat");
        assertThat(names).isEqualTo(Files.readAllLines(sharedData("imagenet_classes.txt")));
    }

    @Test
    void downloadsFromALocalServerAndResumesAfterACancel() throws Exception {
        PretrainedEntry entry = served(server.url(FILE));
        Path part = folder().resolve(FILE + ".part");
        var cancelling = new Downloader(root, null, () -> Files.exists(part) && sizeOf(part) >= SIZE / 2);
        assertThatThrownBy(() -> cancelling.download(entry)).isInstanceOf(CancellationException.class);
        long kept = Files.size(part);
        assertThat(entry.isInstalled(root)).isFalse();
        assertThat(PretrainedCatalog.describe(entry, root)).startsWith("partly downloaded (");
        assertThat(PretrainedCatalog.notInstalled(entry, root)).startsWith("network 'mobilenet-v1-0.75' is only "
                + "partly downloaded (").endsWith("): run ./workbench models download mobilenet-v1-0.75 to finish");

        assertThat(new Downloader(root, null, null).download(entry)).isEqualTo(folder());
        assertThat(server.rangesOf(FILE)).containsExactly("-", "bytes=" + kept + "-");
        assertThat(Files.readAllBytes(entry.modelFile(root))).isEqualTo(content);
        assertThat(entry.isInstalled(root)).isTrue();
        assertThat(PretrainedCatalog.describe(entry, root)).isEqualTo("installed");
        assertThat(PretrainedCatalog.installedModel(entry, root)).isEqualTo(folder().resolve(FILE));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void aFileWithTheWrongChecksumIsRefusedAndDeleted() throws Exception {
        URI url = server.url(FILE);
        PretrainedEntry entry = MOBILENET.withFile(RemoteFile.plain(FILE, List.of(url), SIZE, SHA256));
        assertThatThrownBy(() -> new Downloader(root, null, null).download(entry))
                .isInstanceOf(DownloadException.class)
                .hasMessage(FILE + " from " + url + " is not the expected file: its SHA-256 is " + sha256(content)
                        + ", expected " + SHA256 + "; the file was deleted. Run ./workbench models download "
                        + "mobilenet-v1-0.75 to try again; if the same happens, the server now sends a different file.");
        assertThat(entry.isInstalled(root)).isFalse();
        assertThat(LocalCopy.of(entry, root).state()).isEqualTo(LocalCopy.State.MISSING);
        assertThat(PretrainedCatalog.describe(entry, root)).isEqualTo("not installed");
    }

    /** The real entry names no server: downloading it says where to put which file, and so does using it. */
    @Test
    void withoutADownloadLocationItSaysWhereToPutTheFile() {
        String put = "put " + FILE + " (10,659,272 bytes, SHA-256 " + SHA256 + ") into " + folder();
        assertThatThrownBy(() -> new Downloader(root, null, null).download(MOBILENET))
                .isInstanceOf(DownloadException.class)
                .hasMessage("the workbench knows no download location for " + FILE + " of network mobilenet-v1-0.75. "
                        + "P" + put.substring(1) + ", then run ./workbench models download mobilenet-v1-0.75 again: "
                        + "it checks the file and installs it without the network.");
        String offline = "network 'mobilenet-v1-0.75' is not installed: " + put
                + ", then run ./workbench models download mobilenet-v1-0.75 to check it";
        assertThat(PretrainedCatalog.notInstalled(MOBILENET, root)).isEqualTo(offline);
        assertThatThrownBy(() -> PretrainedCatalog.installedModel(MOBILENET, root))
                .isInstanceOf(InvalidDataException.class).hasMessage(offline);
        assertThat(PretrainedCatalog.describe(MOBILENET, root)).isEqualTo("not installed");
    }

    @Test
    void anUnreachableServerSaysWhereToPutTheFileByHand() throws Exception {
        URI refused = TestServer.refusedUrl(FILE);
        PretrainedEntry entry = served(refused);
        assertThatThrownBy(() -> new Downloader(root, null, null).download(entry))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("could not download mobilenet-v1-0.75: no location of " + FILE)
                .hasMessageContaining("put it in " + folder() + ":\n  " + FILE + "  from " + refused)
                .hasMessageContaining("then run ./workbench models download mobilenet-v1-0.75 again");
        assertThat(PretrainedCatalog.notInstalled(entry, root)).isEqualTo("network 'mobilenet-v1-0.75' is not "
                + "installed: run ./workbench models download mobilenet-v1-0.75, or put " + FILE + " (2,000,000 "
                + "bytes, SHA-256 " + sha256(content) + ") into " + folder());
    }

    /** The real model file, copied where the catalogue puts it, counts as installed and passes its checksum. */
    @Test
    void theRealModelFilePutInPlaceIsInstalled() throws Exception {
        Files.createDirectories(folder());
        Files.copy(sharedData(FILE), folder().resolve(FILE));
        assertThat(MOBILENET.isInstalled(root)).isTrue();
        assertThat(PretrainedCatalog.describe(MOBILENET, root)).isEqualTo("installed, not yet verified");

        assertThat(PretrainedCatalog.installedModel(MOBILENET, root)).isEqualTo(folder().resolve(FILE));
        assertThat(LocalCopy.of(MOBILENET, root).state()).isEqualTo(LocalCopy.State.VERIFIED);
        assertThat(PretrainedCatalog.describe(MOBILENET, root)).isEqualTo("installed");
        // and the download command, offline, finds it ready
        assertThat(new Downloader(root, null, null).download(MOBILENET)).isEqualTo(folder());
    }

    @Test
    void aFileOfTheWrongSizeIsNotInstalledAndAWrongOneIsNamed() throws Exception {
        Path model = Files.createDirectories(folder()).resolve(FILE);
        Files.write(model, content);
        assertThat(MOBILENET.isInstalled(root)).isFalse();
        assertThatThrownBy(() -> PretrainedCatalog.installedModel(MOBILENET, root))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(model + " is not the expected file: its SHA-256 is " + sha256(content))
                .hasMessageEndingWith(". Run ./workbench models download mobilenet-v1-0.75, or put a good copy there.");
    }
}

package org.dl4jworkbench.core.data.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dl4jworkbench.core.data.catalog.DownloaderTest.sha256;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.dl4jworkbench.core.data.CifarFixtures;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.data.MnistLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

    @TempDir
    Path root;

    @Test
    void listsMnistAndCifar10WithOfficialLocationsFirst() {
        assertThat(Catalog.entries()).extracting(CatalogEntry::name).containsExactly("mnist", "cifar10");
        RemoteFile images = Catalog.MNIST.files().get(0);
        assertThat(images.urls()).extracting(URI::toString).containsExactly(
                "http://yann.lecun.com/exdb/mnist/train-images-idx3-ubyte.gz",
                "https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz",
                "https://storage.googleapis.com/cvdf-datasets/mnist/train-images-idx3-ubyte.gz");
        assertThat(Catalog.MNIST.keptFiles()).containsExactly("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
        assertThat(ByteSize.format(Catalog.MNIST.downloadSize())).isEqualTo("11.6 MB");
        RemoteFile cifar = Catalog.CIFAR10.files().get(0);
        assertThat(cifar.sha256()).isEqualTo("c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd");
        assertThat(cifar.contents()).hasSize(6).containsEntry("cifar-10-batches-bin/test_batch.bin", 30_730_000L);
        assertThat(ByteSize.format(Catalog.CIFAR10.downloadSize())).isEqualTo("170.1 MB");
        assertThat(Catalog.find("cifar10")).contains(Catalog.CIFAR10);
        assertThat(Catalog.find("imagenet")).isEmpty();
    }

    /** The catalogue's checksums are of the real MNIST: the copy the build fetched through npm. */
    @Test
    void mnistChecksumsAreThoseOfTheRealFiles() throws IOException {
        Path mnist = MnistLocation.fullMnist();
        for (RemoteFile file : Catalog.MNIST.files()) {
            assertThat(Installer.sha256(mnist.resolve(file.keptFiles().get(0)))).as(file.name())
                    .isEqualTo(file.sha256());
        }
    }

    @Test
    void downloadsTheRealMnistFromAMirrorThatGzipsDifferentlyAndOpensIt() throws Exception {
        Path mnist = MnistLocation.fullMnist();
        try (var server = new TestServer()) {
            for (RemoteFile file : Catalog.MNIST.files()) {
                server.serve(file.name(), fastGzip(Files.readAllBytes(mnist.resolve(file.keptFiles().get(0)))));
            }
            URI refused = TestServer.refusedUrl("mnist/");
            CatalogEntry local = Catalog.MNIST.withFiles(Catalog.MNIST.files().stream()
                    .map(f -> f.withUrls(List.of(refused.resolve(f.name()), server.url(f.name())))).toList());
            new Downloader(root, null, null).download(local);
        }
        assertThat(LocalCopy.of(Catalog.MNIST, root).describe()).isEqualTo("downloaded, verified");
        Dataset d = Catalog.open("mnist", root);
        assertThat(d.name()).isEqualTo("mnist");
        assertThat(d.train().size()).isEqualTo(60_000);
        assertThat(d.test().size()).isEqualTo(10_000);
        assertThat(d.train().height()).isEqualTo(28);
    }

    private static byte[] fastGzip(byte[] data) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void unpacksACifarArchiveChecksItsBatchSizesAndOpensIt() throws Exception {
        byte[] archive = cifarArchive();
        try (var server = new TestServer()) {
            server.serve("cifar-10-binary.tar.gz", archive);
            CatalogEntry entry = cifarEntry(server.url("cifar-10-binary.tar.gz"), sha256(archive), 20 * 3073);
            new Downloader(root, null, null).download(entry);
            Path folder = root.resolve("cifar10");
            assertThat(folder.resolve("cifar-10-batches-bin/batches.meta.txt")).exists();
            assertThat(folder.resolve("cifar-10-binary.tar.gz")).doesNotExist();
            Dataset d = Catalog.open(entry, root);
            assertThat(d.name()).isEqualTo("cifar10");
            assertThat(d.train().size()).isEqualTo(40);
            assertThat(d.test().size()).isEqualTo(10);
            assertThat(d.classNames()).hasSize(10).startsWith("airplane");
        }
    }

    @Test
    void archiveWithBatchesOfTheWrongSizeIsRefused() throws Exception {
        byte[] archive = cifarArchive();
        try (var server = new TestServer()) {
            server.serve("cifar-10-binary.tar.gz", archive);
            URI url = server.url("cifar-10-binary.tar.gz");
            CatalogEntry entry = cifarEntry(url, sha256(archive), 30_730_000);
            assertThatThrownBy(() -> new Downloader(root, null, null).download(entry))
                    .isInstanceOf(DownloadException.class)
                    .hasMessageStartingWith("cifar-10-binary.tar.gz from " + url + " is not the expected file: its "
                            + "cifar-10-batches-bin/data_batch_1.bin is 61,460 bytes, expected 30,730,000; the file "
                            + "was deleted.");
            try (var left = Files.walk(root.resolve("cifar10"))) {
                assertThat(left.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                        .containsExactly(".lock");
            }
        }
    }

    @Test
    void archivePutInTheFolderByHandIsCheckedAndUnpackedOnFirstUse() throws Exception {
        byte[] archive = cifarArchive();
        CatalogEntry entry = cifarEntry(TestServer.refusedUrl("x"), sha256(archive), 20 * 3073);
        Files.createDirectories(root.resolve("cifar10"));
        Files.write(root.resolve("cifar10/cifar-10-binary.tar.gz"), archive);
        Dataset d = Catalog.open(entry, root);
        assertThat(d.train().size()).isEqualTo(40);
        assertThat(LocalCopy.of(entry, root).state()).isEqualTo(LocalCopy.State.VERIFIED);
    }

    @Test
    void wrongFilePutByHandIsDeletedAndNamed() throws Exception {
        CatalogEntry entry = cifarEntry(TestServer.refusedUrl("x"), sha256(new byte[0]), 20 * 3073);
        Path placed = Files.createDirectories(root.resolve("cifar10")).resolve("cifar-10-binary.tar.gz");
        Files.write(placed, cifarArchive());
        assertThatThrownBy(() -> Catalog.open(entry, root))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(placed + " is not the expected file: its SHA-256 is ")
                .hasMessageEndingWith("; it was deleted. Run ./workbench datasets download cifar10, or put a good "
                        + "copy there.");
        assertThat(placed).doesNotExist();
    }

    /** A CIFAR archive as the official one is laid out: cifar-10-batches-bin/ with 2 small batches. */
    private Path cifarFolder() throws IOException {
        Path batches = CifarFixtures.writeKnown(root.resolve("src/cifar-10-batches-bin"), 2, 20, 20);
        Files.write(batches.resolve("data_batch_2.bin"), CifarFixtures.knownBatch(20, 20));
        Files.write(batches.resolve("test_batch.bin"), CifarFixtures.knownBatch(1000, 10));
        Files.writeString(batches.resolve("batches.meta.txt"), String.join("\n", org.dl4jworkbench.core.data
                .Cifar10Reader.CLASS_NAMES) + "\n");
        return batches;
    }

    private byte[] cifarArchive() throws IOException {
        Path batches = cifarFolder();
        var bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            tar.putArchiveEntry(new TarArchiveEntry("cifar-10-batches-bin/"));
            tar.closeArchiveEntry();
            for (String name : List.of("batches.meta.txt", "data_batch_1.bin", "data_batch_2.bin", "test_batch.bin")) {
                Path file = batches.resolve(name);
                var member = new TarArchiveEntry("cifar-10-batches-bin/" + name);
                member.setSize(Files.size(file));
                tar.putArchiveEntry(member);
                Files.copy(file, tar);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static CatalogEntry cifarEntry(URI url, String sha256, long trainBatchSize) {
        Map<String, Long> contents = new LinkedHashMap<>();
        contents.put("cifar-10-batches-bin/data_batch_1.bin", trainBatchSize);
        contents.put("cifar-10-batches-bin/data_batch_2.bin", trainBatchSize);
        contents.put("cifar-10-batches-bin/test_batch.bin", 10 * 3073L);
        return Catalog.CIFAR10.withFiles(List.of(RemoteFile.tarGz("cifar-10-binary.tar.gz", List.of(url), 0, sha256,
                contents)));
    }

    @Test
    void openingBeforeDownloadingSaysHowToGetTheFiles() {
        assertThatThrownBy(() -> Catalog.open("mnist", root))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("dataset 'mnist' is not downloaded yet: run ./workbench datasets download mnist (or put "
                        + "the files train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz "
                        + "and t10k-labels-idx1-ubyte.gz in " + root.resolve("mnist") + ")");
        assertThatThrownBy(() -> Catalog.open("cifar10", root))
                .hasMessage("dataset 'cifar10' is not downloaded yet: run ./workbench datasets download cifar10 (or "
                        + "put the file cifar-10-binary.tar.gz in " + root.resolve("cifar10") + ")");
    }

    @Test
    void openingAPartlyDownloadedDatasetSaysToFinishIt() throws Exception {
        Files.createDirectories(root.resolve("cifar10"));
        Files.write(root.resolve("cifar10/cifar-10-binary.tar.gz.part"), new byte[12_345_678]);
        assertThat(LocalCopy.of(Catalog.CIFAR10, root).describe()).isEqualTo("partly downloaded (12.3 MB of 170.1 MB)");
        assertThatThrownBy(() -> Catalog.open("cifar10", root))
                .hasMessage("dataset 'cifar10' is only partly downloaded (12.3 MB of about 170.1 MB in "
                        + root.resolve("cifar10") + "): run ./workbench datasets download cifar10 to finish");
    }

    @Test
    void datasetSpecWithoutAColonOpensTheCatalogueEntryFromTheDataFolder() {
        String before = System.getProperty("workbench.data");
        System.setProperty("workbench.data", root.toString());
        try {
            assertThatThrownBy(() -> Datasets.open("cifar10"))
                    .hasMessageStartingWith("dataset 'cifar10' is not downloaded yet");
            assertThatThrownBy(() -> Datasets.open("imagenet")).hasMessageStartingWith("unknown dataset 'imagenet'");
        } finally {
            if (before == null) {
                System.clearProperty("workbench.data");
            } else {
                System.setProperty("workbench.data", before);
            }
        }
    }

    @Test
    void unknownNameListsTheCatalogue() {
        assertThat(Catalog.unknownName("imagenet")).isEqualTo("unknown dataset 'imagenet'; the catalogue has: mnist, "
                + "cifar10");
        assertThatThrownBy(() -> Catalog.open("imagenet", root)).hasMessage(Catalog.unknownName("imagenet"));
    }

    @Test
    void byteSizesReadLikeABrowsers() {
        assertThat(ByteSize.format(4_542)).isEqualTo("4,542 bytes");
        assertThat(ByteSize.format(28_881)).isEqualTo("28.9 kB");
        assertThat(ByteSize.format(9_999_999)).isEqualTo("10.0 MB");
        assertThat(ByteSize.format(2_500_000_000L)).isEqualTo("2.5 GB");
    }
}

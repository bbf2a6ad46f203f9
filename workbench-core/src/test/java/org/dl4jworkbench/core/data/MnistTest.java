package org.dl4jworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Adler32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real MNIST: the full set that {@code scripts/fetch-mnist.sh} puts in .cache/mnist (the
 * build runs it before the tests), and the embedded mnist-mini subset cut from it.
 */
class MnistTest {

    static Path mnist;

    @BeforeAll
    static void locate() {
        mnist = MnistLocation.fullMnist();
    }

    @Test
    void fullMnistIsTheRealOneByDl4jsOwnChecksums() throws Exception {
        assertThat(adler32(mnist.resolve("train-images-idx3-ubyte"))).isEqualTo(2094436111L);
        assertThat(adler32(mnist.resolve("train-labels-idx1-ubyte"))).isEqualTo(4008842612L);
        assertThat(adler32(mnist.resolve("t10k-images-idx3-ubyte"))).isEqualTo(2165396896L);
        assertThat(adler32(mnist.resolve("t10k-labels-idx1-ubyte"))).isEqualTo(2212998611L);
        Dataset full = IdxDatasets.open(mnist);
        assertThat(full.train().size()).isEqualTo(60_000);
        assertThat(full.test().size()).isEqualTo(10_000);
        assertThat(full.train().classCounts())
                .containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
    }

    @Test
    void mnistMiniIsTheFirstImagesOfTheRealMnistUnchanged() throws Exception {
        Dataset full = IdxDatasets.open(mnist);
        Dataset mini = Datasets.open("mnist-mini");
        assertThat(mini.name()).isEqualTo("mnist-mini");
        assertThat(mini.train().size()).isEqualTo(10_000);
        assertThat(mini.test().size()).isEqualTo(2_000);
        assertSamePrefix(mini.train(), full.train());
        assertSamePrefix(mini.test(), full.test());
        assertThat(mini.train().classCounts())
                .containsExactly(1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978);
        assertThat(mini.test().classCounts()).containsExactly(175, 234, 219, 207, 217, 179, 178, 205, 192, 194);
    }

    private static void assertSamePrefix(ImageSet mini, ImageSet full) {
        for (int i = 0; i < mini.size(); i++) {
            assertThat(mini.label(i)).isEqualTo(full.label(i));
            for (int p = 0; p < mini.imageSize(); p++) {
                if (mini.pixel(i, p) != full.pixel(i, p)) {
                    throw new AssertionError("image " + i + " differs at pixel " + p);
                }
            }
        }
    }

    private static long adler32(Path file) throws Exception {
        var a = new Adler32();
        a.update(Files.readAllBytes(file));
        return a.getValue();
    }
}

package org.dl4jworkbench.core.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.data.Batches;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.image.ImageDecodeException;
import org.dl4jworkbench.core.data.image.ImageDecoder;
import org.dl4jworkbench.core.data.image.ImageFixtures;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prediction with a model trained here on mnist-mini, fed its test digits as image files. */
class PredictorTest {

    @TempDir
    static Path shared;
    static MnistModelFixture.TrainedModel trained;
    static LoadedModel model;
    static Predictor predictor;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainAndLoad() throws Exception {
        trained = MnistModelFixture.trainMlp(shared);
        model = ModelFiles.load(trained.file());
        predictor = new Predictor(model);
    }

    @Test
    void mostTestDigitsSavedAsPngAreRecognisedWithProbabilitiesThatSumToOne() throws Exception {
        ImageSet test = trained.test();
        int right = 0;
        int n = 40;
        for (int i = 0; i < n; i++) {
            Path png = MnistModelFixture.writeDigit(test, i, dir.resolve("digit-" + i + ".png"));
            Prediction p = predictor.predict(png, 3);

            assertThat(p.top()).hasSize(3);
            assertThat(p.top().get(0).probability()).isGreaterThanOrEqualTo(p.top().get(1).probability());
            assertThat(p.top().get(1).probability()).isGreaterThanOrEqualTo(p.top().get(2).probability());
            assertThat(Arrays.stream(p.probabilities()).sum()).isCloseTo(1.0, within(1e-4));
            assertThat(p.best().name()).isEqualTo(test.classNames().get(p.best().index()));
            if (p.best().index() == test.label(i)) {
                right++;
            }
        }
        assertThat(right).as("test digits recognised of " + n).isGreaterThanOrEqualTo(32);
    }

    @Test
    void anImageIsPreparedExactlyAsTrainingPreparedIt() throws Exception {
        ImageSet test = trained.test();
        for (int i = 0; i < 5; i++) {
            Path png = MnistModelFixture.writeDigit(test, i, dir.resolve("digit.png"));
            Prediction p = predictor.predict(png, 1);

            byte[] asTrained = new byte[test.imageSize()];
            test.copyBytes(i, asTrained, 0);
            assertThat(p.networkInput()).isEqualTo(asTrained);
            assertThat(p.height() * p.width() * p.channels()).isEqualTo(784);
            var features = Batches.batch(test, new int[] {i}, 0, 1, model.normalizer()).getFeatures();
            double[] expected = model.network().output(features).toDoubleVector();
            assertThat(p.probabilities()).containsExactly(expected);
        }
    }

    @Test
    void aLargerColourCopyOfADigitGetsTheSameAnswer() throws Exception {
        ImageSet test = trained.test();
        int same = 0;
        for (int i = 0; i < 10; i++) {
            Path gray = MnistModelFixture.writeDigit(test, i, dir.resolve("digit.png"));
            BufferedImage small = ImageIO.read(gray.toFile());
            var big = new BufferedImage(84, 84, BufferedImage.TYPE_INT_RGB);
            big.createGraphics().drawImage(small.getScaledInstance(84, 84, Image.SCALE_REPLICATE), 0, 0, null);
            Path colour = dir.resolve("digit-big.png");
            ImageIO.write(big, "png", colour.toFile());

            if (predictor.predict(colour, 1).best().index() == predictor.predict(gray, 1).best().index()) {
                same++;
            }
        }
        assertThat(same).isGreaterThanOrEqualTo(9);
    }

    @Test
    void aDecodedImageAndItsFileGiveTheSamePrediction() throws Exception {
        Path png = MnistModelFixture.writeDigit(trained.test(), 7, dir.resolve("digit.png"));
        assertThat(predictor.predict(ImageDecoder.decode(png), 10).probabilities())
                .containsExactly(predictor.predict(png, 2).probabilities());
    }

    @Test
    void topKIsAtMostEveryClassAndAtLeastOne() throws Exception {
        Path png = MnistModelFixture.writeDigit(trained.test(), 0, dir.resolve("digit.png"));
        assertThat(predictor.predict(png, 50).top()).hasSize(10);
        assertThatThrownBy(() -> predictor.predict(png, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void damagedImageFilesSayWhatIsWrong() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.png"));
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        byte[] jpeg = ImageFixtures.encode(ImageFixtures.asymmetric(200, 200), "jpg");
        Path truncated = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));

        assertThatThrownBy(() -> predictor.predict(empty, 3)).isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("empty file");
        assertThatThrownBy(() -> predictor.predict(text, 3)).isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("not an image");
        assertThatThrownBy(() -> predictor.predict(truncated, 3)).isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("truncated JPEG");
    }
}

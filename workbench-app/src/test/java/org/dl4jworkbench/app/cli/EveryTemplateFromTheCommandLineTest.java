package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.dl4jworkbench.app.cli.CommandLineTest.Run;
import org.dl4jworkbench.core.data.CifarFixtures;
import org.dl4jworkbench.core.data.Cifar10Reader;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.image.ImageFixtures;
import org.dl4jworkbench.core.predict.MnistModelFixture;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.spec.Template;
import org.dl4jworkbench.core.testing.SharedData;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every template's model is usable from the command line, as a user goes: {@code train} on a
 * folder of images ({@code folder:DIR}, a subfolder per class), then {@code predict} an image
 * and {@code evaluate} on the folder with the {@code model.zip} the run saved. Models with a
 * dropout layer (mnist-cnn, cifar10-small, cifar10-cnn) once trained and then were refused
 * by both. Each template gets a folder of its kind of image with its class count: real MNIST
 * digits (gray PNG) for the MNIST templates, coloured squares (colour JPEG) for the CIFAR-10
 * ones, discs and stripes of mixed formats and sizes for cats-dogs. A template whose class
 * count differs from the folder's is refused before it trains. Five images a class, one epoch
 * in minibatches of 8, keep each template to seconds (mobilenet-transfer, from the real
 * pretrained MobileNet installed in the test's data folder, to about half a minute).
 */
class EveryTemplateFromTheCommandLineTest {

    private static final int PER_CLASS = 5;
    private static final Pattern PREDICTION = Pattern.compile("(.+): (\\S+) \\d+\\.\\d%(, \\S+ \\d+\\.\\d%)*");
    /** "Accuracy 40.00% (4 correct), top-3 accuracy 80.00%, loss 2.1234", a line of evaluate's report. */
    private static final Pattern ACCURACY = Pattern.compile(
            "(?sm).*^Accuracy \\d+\\.\\d\\d% \\(\\d+ correct\\), top-\\d accuracy \\d+\\.\\d\\d%, loss .*");

    /** A folder dataset, its classes, and an image (not one of the folder's) to predict. */
    record Folder(Path dir, List<String> classes, Path image) {
    }

    private static final String DATA = "workbench.data";
    private static final String CACHE = "workbench.cache";
    private static final java.util.Map<String, String> before = new java.util.HashMap<>();

    @TempDir
    static Path dir;
    static Folder digits;
    static Folder colours;
    static Folder pets;

    @BeforeAll
    static void writeTheFolders() throws Exception {
        digits = digits(dir.resolve("digits"));
        colours = colours(dir.resolve("colours"));
        Path photos = ImageFixtures.catsAndDogs(dir.resolve("pets"), PER_CLASS, false, 11);
        Path photo = dir.resolve("photo.png");
        ImageIO.write(ImageFixtures.pattern(1, 90, 70, new Random(5)), "png", photo.toFile());
        pets = new Folder(photos, List.of("cats", "dogs"), photo);
        // mobilenet-transfer trains from the catalogue's MobileNet, installed in a data folder of the test's own.
        Path data = dir.resolve("data");
        Path mobileNet = PretrainedCatalog.MOBILENET_V1_075.modelFile(data);
        Files.createDirectories(mobileNet.getParent());
        Files.copy(SharedData.mobileNet(), mobileNet);
        for (String property : List.of(DATA, CACHE)) {
            before.put(property, System.getProperty(property));
        }
        System.setProperty(DATA, data.toString());
        System.setProperty(CACHE, dir.resolve("cache").toString());
    }

    @AfterAll
    static void restoreTheFolders() {
        before.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyTemplateTrainsThenItsModelPredictsAndEvaluates() {
        return Templates.all().stream().map(t -> DynamicTest.dynamicTest(t.id(), () -> {
            Folder data = folderFor(t);
            assertThat(data.classes()).as("the folder has the template's class count")
                    .hasSize(t.spec().output().classes());
            Path run = dir.resolve("runs").resolve(t.id());

            Run train = CommandLineTest.run("train", "--template", t.id(), "--dataset", "folder:" + data.dir(),
                    "--epochs", "1", "--batch", "8", "--validation", "0.2", "--out", run.toString());
            assertThat(train.exitCode()).as(train.err()).isZero();
            assertThat(train.err()).contains(data.classes().size() + " classes", "model saved to")
                    .doesNotContain("warning", "\tat ");
            Path model = run.resolve("model.zip");
            assertThat(model).isRegularFile();

            Run predict = CommandLineTest.run("predict", "--model", model.toString(), data.image().toString());
            assertThat(predict.exitCode()).as(predict.err()).isZero();
            var line = PREDICTION.matcher(predict.out().strip());
            assertThat(line.matches()).as(predict.out()).isTrue();
            assertThat(line.group(1)).isEqualTo(data.image().toString());
            assertThat(data.classes()).contains(line.group(2));

            Run evaluate = CommandLineTest.run("evaluate", "--model", model.toString(), "--dataset",
                    "folder:" + data.dir());
            assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
            assertThat(evaluate.out()).matches(ACCURACY) // a fifth of each class is held out for testing: one image
                    .contains(": " + data.classes().size() + " test images");
        }));
    }

    /**
     * A template's class count is the network's: on a folder with other classes it does not
     * train (nothing is decoded into a model that cannot fit), and says which count to set.
     */
    @Test
    void aTemplateWithOtherClassesThanTheFolderIsRefusedBeforeTraining() {
        Path run = dir.resolve("runs").resolve("mismatch");
        Run r = CommandLineTest.run("train", "--template", "mnist-cnn", "--dataset", "folder:" + pets.dir(),
                "--epochs", "1", "--out", run.toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains("has 10 classes but dataset 'folder:" + pets.dir() + "' has 2",
                "Set the output's classes to 2",
                "error: network 'mnist-cnn' cannot train on folder:" + pets.dir() + " until the problems above "
                        + "are fixed")
                .doesNotContain("Exception", "\tat ");
        assertThat(run.resolve("model.zip")).doesNotExist();
    }

    private static Folder folderFor(Template t) {
        return switch (t.dataset()) {
            case "mnist" -> digits;
            case "cifar10" -> colours;
            case "folder" -> pets;
            default -> throw new AssertionError("no test folder for template " + t.id() + "'s dataset "
                    + t.dataset() + ": add one");
        };
    }

    /** {@value #PER_CLASS} real MNIST test digits of each class, as gray PNG files in 0/ to 9/. */
    private static Folder digits(Path root) throws Exception {
        ImageSet test = Datasets.open("mnist-mini").test();
        List<String> classes = IntStream.range(0, 10).mapToObj(String::valueOf).toList();
        int[] written = new int[10];
        int i = 0;
        for (; IntStream.of(written).anyMatch(n -> n < PER_CLASS); i++) {
            int label = test.label(i);
            if (written[label] < PER_CLASS) {
                Path classDir = Files.createDirectories(root.resolve(classes.get(label)));
                MnistModelFixture.writeDigit(test, i, classDir.resolve("digit-" + i + ".png"));
                written[label]++;
            }
        }
        Path image = MnistModelFixture.writeDigit(test, i, root.resolveSibling("digit.png"));
        return new Folder(root, classes, image);
    }

    /** {@value #PER_CLASS} learnable CIFAR-style images of each class, as colour JPEG files in airplane/ to truck/. */
    private static Folder colours(Path root) throws Exception {
        List<String> classes = Cifar10Reader.CLASS_NAMES;
        byte[] records = CifarFixtures.learnableBatch(0, 10 * PER_CLASS + 1, new Random(3));
        for (int r = 0; r < 10 * PER_CLASS; r++) {
            Path classDir = Files.createDirectories(root.resolve(classes.get(records[r * Cifar10Reader.RECORD_BYTES])));
            writeJpeg(records, r, classDir.resolve("image-" + r + ".jpg"));
        }
        return new Folder(root, classes, writeJpeg(records, 10 * PER_CLASS, root.resolveSibling("colour.jpg")));
    }

    /** Record {@code r} of CIFAR-10 binary {@code records} (label, then red, green, blue planes) as a JPEG. */
    private static Path writeJpeg(byte[] records, int r, Path file) throws Exception {
        int size = Cifar10Reader.SIZE;
        int plane = size * size;
        int base = r * Cifar10Reader.RECORD_BYTES + 1;
        var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < plane; p++) {
            int red = records[base + p] & 0xff;
            int green = records[base + plane + p] & 0xff;
            int blue = records[base + 2 * plane + p] & 0xff;
            image.setRGB(p % size, p / size, (red << 16) | (green << 8) | blue);
        }
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }
}

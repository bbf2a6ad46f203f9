package org.dl4jworkbench.app.ui.shots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.image.DecodedImage;
import org.dl4jworkbench.core.data.image.ImageDecoder;
import org.dl4jworkbench.core.data.image.ImagePreprocessor;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;

/**
 * The layers view of a real CIFAR-10 test photo (docs/screenshots/layers-photo.png), with the
 * cifar10-cnn template trained briefly here (3 epochs of batch 32 on 400 real training photos
 * per class from .cache/cifar10, the folder the tests fill; a minute or two, not the template's
 * full run, so far from its accuracy), saved
 * as a model zip and opened in the Predict tab.
 */
public final class LayersPhotoShot implements Screenshots.Scenario {

    static final int PER_CLASS = Integer.getInteger("shot.perClass", 400);
    static final int EPOCHS = Integer.getInteger("shot.epochs", 3);
    static final String PHOTO = System.getProperty("shot.photo", "test/automobile/0001.jpg");

    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) throws Exception {
        Path cifar = Path.of(".cache", "cifar10").toAbsolutePath();
        if (!Files.isDirectory(cifar.resolve("train"))) {
            throw new IOException("no CIFAR-10 photos in " + cifar + ": run the core tests once (they fill it)");
        }
        Path dir = Files.createTempDirectory("layers-photo-shot");
        NetworkSpec cnn = Templates.find("cifar10-cnn").orElseThrow().spec();
        NetworkSpec spec = cnn.withTraining(cnn.training().withEpochs(EPOCHS).withBatchSize(32));
        Path photo = photo(cifar, dir);
        LayersShot.trainThenLook(stage, () -> LayersShot.save(spec, data(cifar), dir), "cifar10-cnn", photo);
        return Double.parseDouble(System.getProperty("shot.wait", "300"));
    }

    /** The test photo, copied under a name that says its class ("automobile-0001.jpg"). */
    private static Path photo(Path cifar, Path dir) throws IOException {
        Path photo = cifar.resolve(PHOTO);
        return Files.copy(photo, dir.resolve(photo.getParent().getFileName() + "-" + photo.getFileName()));
    }

    private static Dataset data(Path cifar) throws Exception {
        List<String> classes;
        try (Stream<Path> dirs = Files.list(cifar.resolve("train"))) {
            classes = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        ImageSet train = read(cifar.resolve("train"), classes, PER_CLASS);
        ImageSet test = read(cifar.resolve("test"), classes, 50);
        return new Dataset("cifar10 (" + train.size() + " photos)", train, test);
    }

    /** The first {@code perClass} photos of each class folder, channel-planar RGB bytes. */
    private static ImageSet read(Path split, List<String> classes, int perClass) throws Exception {
        List<byte[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<Path> files;
            try (Stream<Path> list = Files.list(split.resolve(classes.get(c)))) {
                files = list.sorted().limit(perClass).toList();
            }
            for (Path f : files) {
                DecodedImage image = ImageDecoder.decode(f);
                images.add(ImagePreprocessor.toInput(image, 32, 32, 3));
                labels.add(c);
            }
        }
        byte[] pixels = new byte[images.size() * 3072];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, pixels, i * 3072, 3072);
        }
        return ImageSet.of(pixels, labels.stream().mapToInt(Integer::intValue).toArray(), 32, 32, 3, classes);
    }
}

package org.dl4jworkbench.app.ui.predict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.scene.image.Image;
import org.dl4jworkbench.app.ui.task.Failure;
import org.dl4jworkbench.core.data.image.ImageDecodeException;
import org.dl4jworkbench.core.data.image.ImageFormat;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.predict.ClassProbability;
import org.dl4jworkbench.core.predict.Prediction;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.run.RunEntry;
import org.dl4jworkbench.core.run.RunFolder;

/** The prediction pane's background work: reading folders and runs, predicting, making thumbnails. */
final class PredictionWork {

    private PredictionWork() {
    }

    /** The newest run under {@code runs} that finished with a model (as the Runs tab opens). */
    static Optional<RunEntry> latestModel(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        return RunEntry.list(runs, Instant.now()).stream().filter(RunEntry::finishedWithModel).findFirst();
    }

    /**
     * A model as the pane names it, from its file and metadata: "lenet, run 20261201-120000-lenet,
     * test accuracy 95.6%" for a run's model, "lenet from digits.zip, test accuracy 95.6%" for
     * another file, "pets.zip, imported from pets.h5 (Keras 2.2.4)" for an imported Keras model.
     * Reads the folder: call it off the FX thread.
     */
    static String describe(Path zip, LoadedModel model) {
        Path file = zip.toAbsolutePath();
        boolean ofRun = file.getFileName().toString().equals(RunFolder.MODEL) && file.getParent() != null
                && Files.isRegularFile(file.resolveSibling(RunFolder.NETWORK));
        String where = ofRun ? "run " + file.getParent().getFileName() : file.getFileName().toString();
        String network = model.spec() == null ? null : model.spec().name();
        String text = network == null ? where : network + (ofRun ? ", " : " from ") + where;
        var keras = model.metadata().kerasImport();
        if (keras != null) { // no network spec: say where its layers came from
            text += ", imported from " + keras.file() + (keras.kerasVersion() == null ? ""
                    : " (Keras " + keras.kerasVersion() + ")");
        }
        double accuracy = model.metadata().testAccuracy();
        return Double.isFinite(accuracy) ? String.format(Locale.ROOT, "%s, test accuracy %.1f%%", text,
                accuracy * 100) : text;
    }

    /** A prediction with its thumbnail (the image as the network saw it, scaled up), made off the FX thread. */
    static PredictionItem.Shown shown(String name, String source, Prediction prediction) {
        int zoom = Math.max(1, 112 / Math.max(prediction.height(), prediction.width()));
        Image thumbnail = Images.fromPlanar(prediction.networkInput(), prediction.height(), prediction.width(),
                prediction.channels(), zoom);
        return new PredictionItem.Shown(name, source, thumbnail, prediction.top(), prediction);
    }

    /**
     * Predicts each of {@code files} (its {@code top} classes) and hands it over as it is done,
     * with its thumbnail; a file that cannot be read or predicted is handed over as a line
     * saying why. An Error (out of memory) ends the whole work. Stops once {@code cancelled}.
     */
    static void predictEach(Predictor p, List<Path> files, int top, BooleanSupplier cancelled,
                            Consumer<PredictionItem> publish) {
        for (Path file : files) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            String name = file.getFileName().toString();
            try {
                publish.accept(shown(name, file.toString(), p.predict(file, top)));
            } catch (Exception e) {
                publish.accept(new PredictionItem.Message(name + ": " + Failure.of(e).message()));
            }
        }
    }

    /** Every image under {@code folder}, predicted; a file that cannot be read gets a row with its problem. */
    static List<FolderRow> predictAll(Predictor p, Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> ImageFormat.hasImageExtension(f.getFileName().toString())).sorted().toList();
        }
        List<FolderRow> found = new ArrayList<>();
        for (Path file : files) {
            String name = folder.relativize(file).toString();
            try {
                found.add(row(name, p.predict(file, 2).top()));
            } catch (ImageDecodeException | IOException e) {
                found.add(new FolderRow(name, "", 0, "", e.getMessage()));
            }
        }
        return found;
    }

    static FolderRow row(String name, List<ClassProbability> top) {
        return new FolderRow(name, top.get(0).name(), top.get(0).probability(), top.size() > 1
                ? String.format(Locale.ROOT, "%s %.1f%%", top.get(1).name(), top.get(1).probability() * 100) : "",
                null);
    }
}

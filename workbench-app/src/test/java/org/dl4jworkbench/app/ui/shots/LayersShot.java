package org.dl4jworkbench.app.ui.shots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.layers.LayersWindow;
import org.dl4jworkbench.app.ui.predict.PredictionItem;
import org.dl4jworkbench.app.ui.predict.PredictionPane;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.model.ModelMetadata;
import org.dl4jworkbench.core.predict.MnistModelFixture;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.train.Trainer;
import org.dl4jworkbench.core.train.TrainingListener;
import org.dl4jworkbench.core.train.TrainingResult;

/**
 * The layers view of a real test digit (docs/screenshots/layers-digit.png): LeNet trained one
 * epoch on the first 3,000 training digits of mnist-mini (in the background, seconds, so the
 * scenario stays quick on a busy machine), saved as a model zip and opened in the Predict tab,
 * which predicts the digit; its Layers... button opens the view.
 */
public final class LayersShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) throws Exception {
        Dataset mini = model.datasetProperty().get();
        Path dir = Files.createTempDirectory("layers-shot");
        var test = mini.test();
        Path digit = MnistModelFixture.writeDigit(test, 0, dir.resolve("digit-" + test.label(0) + ".png"));
        var data = new Dataset(mini.name(), mini.train().subset(IntStream.range(0, 3000).toArray()), mini.test());
        NetworkSpec lenet = Templates.find("lenet").orElseThrow().spec();
        NetworkSpec spec = lenet.withTraining(lenet.training().withEpochs(1).withBatchSize(64));
        trainThenLook(stage, () -> save(spec, data, dir), "lenet", digit);
        return Double.parseDouble(System.getProperty("shot.wait", "90"));
    }

    /** Trains {@code spec} on {@code data} and saves the model as the workbench does, into {@code dir}. */
    static Path save(NetworkSpec spec, Dataset data, Path dir) throws Exception {
        long start = System.nanoTime();
        TrainingResult result = new Trainer(spec, data).train(TrainingListener.NONE);
        var in = spec.input();
        var metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "shot", "1.0.0-M2.1", Instant.now().toString(),
                data.classNames(), in.height(), in.width(), in.channels(), result.normalizer(), data.name(),
                spec.training().epochs(), result.test().accuracy(), SpecJson.toTree(spec), null);
        Path zip = dir.resolve(spec.name() + ".zip");
        ModelFiles.save(result.network(), metadata, zip);
        System.out.printf("trained %s on %,d images, %d epoch(s): test accuracy %.1f%% in %.0f s%n", spec.name(),
                data.train().size(), spec.training().epochs(), result.test().accuracy() * 100,
                (System.nanoTime() - start) / 1e9);
        return zip;
    }

    /**
     * Makes the model in the background, opens it in the Predict tab, predicts {@code image} and
     * presses the pane's Layers... button once that prediction shows.
     */
    static void trainThenLook(Stage stage, Callable<Path> makeModel, String network, Path image) {
        ShotTraining.selectTab(stage, "Predict");
        var pane = (PredictionPane) stage.getScene().lookup("#" + PredictionPane.ID).getUserData();
        var label = (Label) stage.getScene().lookup("#" + PredictionPane.MODEL_ID);
        label.textProperty().addListener((obs, old, text) -> {
            if (text.contains(network + " from")) {
                openLayersOnceShown(stage, pane);
                pane.open(List.of(image));
            }
        });
        Thread thread = new Thread(() -> {
            try {
                Path zip = makeModel.call();
                Platform.runLater(() -> pane.openModel(zip));
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "layers-shot-model");
        thread.setDaemon(true);
        thread.start();
    }

    /** Scrolls the layers view to {@code at} (0 top, 1 bottom) once it shows its layers. */
    private static void scrollWhenShown(double at) {
        var root = javafx.stage.Window.getWindows().stream().map(w -> w.getScene().lookup("#" + LayersWindow.ROOT_ID))
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        var layers = (LayersWindow) root.getUserData();
        layers.model().statusProperty().addListener((obs, old, now) -> {
            if (now.isEmpty() && at > 0) {
                Platform.runLater(() -> ((javafx.scene.control.ScrollPane) root.lookup(".scroll-pane")).setVvalue(at));
            }
        });
    }

    static void openLayersOnceShown(Stage stage, PredictionPane pane) {
        var items = pane.model().items();
        items.addListener(new ListChangeListener<PredictionItem>() {
            @Override
            public void onChanged(Change<? extends PredictionItem> c) {
                if (items.stream().anyMatch(i -> i instanceof PredictionItem.Shown)) {
                    items.removeListener(this);
                    ((Button) stage.getScene().lookup("#" + LayersWindow.OPEN_ID)).fire();
                    scrollWhenShown(Double.parseDouble(System.getProperty("shot.scroll", "0")));
                }
            }
        });
    }
}

package org.dl4jworkbench.app.ui.layers;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.dl4jworkbench.app.ui.predict.PredictionModel;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.inspect.LayerInspector;
import org.dl4jworkbench.core.predict.Predictor;

/**
 * What the layers view shows, without controls: one image looked at by the model the
 * prediction pane predicts with. It follows that model: when the pane switches to another (a
 * snapshot of the network in training, or the model a run saved when it ended), the same image
 * is looked at again. The work runs on {@code compute} ({@link BackgroundTask}); results of work
 * begun before a newer image or model are dropped.
 */
public final class LayersModel {

    private final PredictionModel pane;
    private final Executor compute;
    private final ObjectProperty<Path> image = new SimpleObjectProperty<>(this, "image");
    private final ObjectProperty<LayersShown> shown = new SimpleObjectProperty<>(this, "shown");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final IntegerProperty busy = new SimpleIntegerProperty(this, "busy");
    private long generation;
    private BackgroundTask<LayersShown> running;

    public LayersModel(PredictionModel pane, Executor compute) {
        this.pane = pane;
        this.compute = compute;
        pane.predictorProperty().addListener((obs, old, now) -> {
            if (now != null && image.get() != null) {
                look();
            }
        });
    }

    /** The image looked at; null until one is chosen. */
    public ObjectProperty<Path> imageProperty() {
        return image;
    }

    ObjectProperty<LayersShown> shownProperty() {
        return shown;
    }

    /** What is being done, or why nothing is shown; empty when all is shown. */
    public StringProperty statusProperty() {
        return status;
    }

    public IntegerProperty busyProperty() {
        return busy;
    }

    /** True while a run trains, so that a snapshot of it can be looked at. */
    public ReadOnlyBooleanProperty trainingRunsProperty() {
        return pane.trainingRunsProperty();
    }

    /** "Model: ..." as the prediction pane says it. */
    public ObservableValue<String> modelDescription() {
        return pane.descriptionProperty();
    }

    /** Looks inside the network for {@code file}. */
    public void show(Path file) {
        image.set(file);
        look();
    }

    /**
     * Takes a fresh snapshot of the network in training (the prediction pane then predicts with
     * it too) and looks at the image with it.
     */
    public void snapshot() {
        if (!pane.trainingRunsProperty().get()) {
            status.set("No run is training: press Train, and look again while it trains.");
            return;
        }
        status.set("Taking a snapshot of the network in training ...");
        pane.useTrainingSnapshot(() -> { }); // the predictor changes, and the listener looks again
    }

    /** Stops looking (the window closed): work under way is dropped, and a new model is not looked with. */
    public void forget() {
        generation++;
        if (running != null) {
            running.cancel();
        }
        image.set(null);
        shown.set(null);
        status.set("");
    }

    private void look() {
        Predictor p = pane.predictorProperty().get();
        Path file = image.get();
        long mine = ++generation;
        if (running != null) {
            running.cancel();
        }
        if (p == null) {
            shown.set(null);
            status.set("No model yet: train one, or open a model in the Predict tab.");
            return;
        }
        String model = pane.descriptionProperty().get();
        status.set("Looking inside the network at " + file.getFileName() + " ...");
        busy.set(busy.get() + 1);
        running = BackgroundTask.wrap(() -> LayersShown.of(LayerInspector.inspect(p, file), model))
                .onFinished(() -> busy.set(busy.get() - 1))
                .onSuccess(s -> {
                    if (mine == generation) {
                        shown.set(s);
                        status.set("");
                    }
                })
                .onFailure(f -> {
                    if (mine == generation) {
                        shown.set(null);
                        status.set(file.getFileName() + ": " + f.message());
                    }
                })
                .executeWith(compute);
    }
}

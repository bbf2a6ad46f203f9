package org.dl4jworkbench.app.ui;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.DatasetOptions;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.spec.InputSpec;

/**
 * Opens the window's dataset in the background, one at a time: a new load cancels the one
 * before it, whether it is running or still queued, and a superseded load's result (one that
 * finished just before it was cancelled) is ignored, so the last load asked for always wins.
 * Decoding progress arrives coalesced (see {@link BackgroundTask}), not once per image.
 */
final class DatasetLoader {

    private final Executor data;
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyObjectWrapper<WorkbenchModel.Loading> loading = new ReadOnlyObjectWrapper<>(this,
            "loading");
    private final StringProperty error = new SimpleStringProperty(this, "datasetError");
    private BackgroundTask<Dataset> current;
    /** Counts loads; a load's callbacks act only while it is the latest. */
    private long generation;

    DatasetLoader(Executor data) {
        this.data = data;
    }

    ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<WorkbenchModel.Loading> loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    StringProperty errorProperty() {
        return error;
    }

    /**
     * Opens {@code spec} (image folders decoded at {@code input}'s size); once open it becomes
     * the dataset and {@code onLoaded} runs, on the FX thread. Any unfinished load is cancelled.
     */
    void load(String spec, InputSpec input, Consumer<Dataset> onLoaded) {
        cancel();
        long mine = generation;
        DatasetOptions base = DatasetOptions.defaults().withSize(input.height(), input.width(), input.channels());
        loading.set(new WorkbenchModel.Loading(spec, "opening", 0, 1));
        error.set(null);
        current = BackgroundTask.wrapWithContext(context -> Datasets.open(spec, base
                        .withCancellation(context::isCancelled)
                        .withProgress((phase, done, total) -> context.progress(phase, done, total))))
                .onProgress(p -> {
                    if (mine == generation) {
                        loading.set(new WorkbenchModel.Loading(spec, p.phase(), p.done(), p.total()));
                    }
                })
                .onSuccess(d -> {
                    if (mine == generation) {
                        loading.set(null);
                        dataset.set(d);
                        onLoaded.accept(d);
                    }
                })
                .onFailure(f -> {
                    if (mine == generation) {
                        loading.set(null);
                        error.set(f.message());
                    }
                })
                .executeWith(data);
    }

    /** Cancels the load in progress (running or queued), if any; the dataset open before stays. */
    void cancel() {
        generation++;
        if (current != null && !current.isDone()) {
            current.cancel();
            loading.set(null);
        }
        current = null;
    }
}

package org.dl4jworkbench.app.ui;

import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.DatasetOptions;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;

/**
 * The window's state: the project (name, folder, dataset SPEC), the network editor, the
 * loaded dataset, and the theme. Dataset loading runs on the background executor, never on
 * the FX thread; its progress and outcome come back as property changes on the FX thread.
 */
public final class WorkbenchModel {

    /** The state of the dataset being opened. */
    public record Loading(String spec, String phase, long done, long total) {
    }

    private final Executor background;
    private final EditorModel editor;
    private final ObjectProperty<Project> project = new SimpleObjectProperty<>(this, "project");
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyObjectWrapper<Loading> loading = new ReadOnlyObjectWrapper<>(this, "loading");
    private final StringProperty datasetError = new SimpleStringProperty(this, "datasetError");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private Task<Dataset> loadTask;

    public WorkbenchModel(Executor background) {
        this.background = background;
        NetworkSpec lenet = Templates.find(Templates.DEFAULT).orElseThrow().spec();
        this.editor = new EditorModel(lenet);
        project.set(new Project(lenet.name(), lenet, Datasets.DEFAULT, null));
        // Image folders are decoded to the network's input size: a new size needs a new decode.
        editor.specProperty().addListener((obs, old, now) -> {
            Dataset d = dataset.get();
            if (d != null && d.resizable() && old != null && !old.input().equals(now.input())) {
                loadDataset(project.get().dataset());
            }
        });
    }

    /** The default project: LeNet on the embedded mnist-mini, its dataset loading. */
    public static WorkbenchModel withDefaultProject(Executor background) {
        var model = new WorkbenchModel(background);
        model.loadDataset(Datasets.DEFAULT);
        return model;
    }

    public EditorModel editor() {
        return editor;
    }

    public Executor background() {
        return background;
    }

    public ObjectProperty<Project> projectProperty() {
        return project;
    }

    /** The project with the editor's current network. */
    public Project project() {
        return project.get().withSpec(editor.spec());
    }

    /** Opens {@code p}: its network in the editor (no history), its dataset loading. */
    public void open(Project p) {
        editor.load(p.spec());
        project.set(p);
        loadDataset(p.dataset());
    }

    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Loading> loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last dataset could not be opened, or null. */
    public StringProperty datasetErrorProperty() {
        return datasetError;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /**
     * Opens a dataset in the background (image folders at the network's input size) and makes
     * it the project's; the editor then checks the network against it. A running load is
     * cancelled first.
     */
    public void loadDataset(String spec) {
        cancelLoading();
        InputSpec input = editor.spec().input();
        DatasetOptions base = DatasetOptions.defaults().withSize(input.height(), input.width(), input.channels());
        Task<Dataset> task = new Task<>() {
            @Override
            protected Dataset call() throws Exception {
                DatasetOptions options = base.withCancellation(this::isCancelled)
                        .withProgress((phase, done, total) -> fx(() -> loading.set(new Loading(spec, phase, done,
                                total))));
                return Datasets.open(spec, options);
            }
        };
        loadTask = task;
        loading.set(new Loading(spec, "opening", 0, 1));
        datasetError.set(null);
        task.setOnSucceeded(e -> {
            Dataset d = task.getValue();
            loading.set(null);
            dataset.set(d);
            project.set(project.get().withDataset(spec));
            editor.dataShapeProperty().set(d.shape());
        });
        task.setOnFailed(e -> {
            loading.set(null);
            Throwable error = task.getException();
            datasetError.set(error.getMessage() == null ? error.toString() : error.getMessage());
        });
        task.setOnCancelled(e -> loading.set(null));
        background.execute(task);
    }

    public void cancelLoading() {
        if (loadTask != null && loadTask.isRunning()) {
            loadTask.cancel(false);
        }
    }

    private static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}

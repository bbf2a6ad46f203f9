package org.dl4jworkbench.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.util.Duration;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.project.Autosave;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.project.ProjectFiles;
import org.dl4jworkbench.app.project.RecentProjects;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.DatasetOptions;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's state: the project (name, folder, dataset SPEC) and whether it has unsaved
 * changes, the network editor, the loaded dataset, recent projects, and the theme. Dataset
 * loading, saving and opening run on the background executor, never on the FX thread; their
 * progress and outcome come back as property changes on the FX thread. While there are
 * unsaved changes, the project is autosaved a moment after each edit ({@link Autosave}).
 */
public final class WorkbenchModel {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchModel.class);

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
    /** The project as last opened or saved: what "unsaved changes" compares with. */
    private final ObjectProperty<Project> saved = new SimpleObjectProperty<>(this, "saved");
    private final BooleanBinding dirty;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final RecentProjects recentProjects;
    private final Autosave autosave;
    private final PauseTransition autosaveDelay = new PauseTransition(Duration.seconds(2));
    private Task<Dataset> loadTask;

    public WorkbenchModel(Executor background) {
        this(background, WorkbenchDirs.settings());
    }

    /** @param settings where recent projects and autosaves are kept */
    public WorkbenchModel(Executor background, Path settings) {
        this.background = background;
        this.recentProjects = new RecentProjects(settings);
        this.autosave = new Autosave(settings);
        NetworkSpec lenet = Templates.find(Templates.DEFAULT).orElseThrow().spec();
        this.editor = new EditorModel(lenet);
        project.set(new Project(lenet.name(), lenet, Datasets.DEFAULT, null));
        saved.set(project.get());
        dirty = Bindings.createBooleanBinding(() -> editor.isDirty()
                || !Objects.equals(project.get().dataset(), saved.get().dataset())
                || !Objects.equals(project.get().name(), saved.get().name()), editor.dirtyProperty(), project, saved);
        autosaveDelay.setOnFinished(e -> autosaveNow());
        editor.specProperty().addListener((obs, old, now) -> scheduleAutosave());
        project.addListener((obs, old, now) -> scheduleAutosave());
        background.execute(() -> {
            List<Path> found = recentProjects.list();
            fx(() -> recent.setAll(found));
        });
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
        saved.set(p);
        if (p.folder() != null) {
            rememberRecent(p.folder());
        }
        loadDataset(p.dataset());
    }

    /** True while the project has changes that are not saved in its folder. */
    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** Recent project folders, newest first. */
    public ObservableList<Path> recentProjects() {
        return recent;
    }

    /**
     * Saves the project into {@code folder} under {@code name} (Save As), or into its own
     * folder when {@code folder} is null (Save), in the background. The returned task is
     * running; its failure message names the file.
     */
    public Task<Project> save(Path folder, String name) {
        Project current = project();
        Project target = folder == null ? current : current.savedAs(name, folder.toAbsolutePath().normalize());
        if (target.folder() == null) {
            throw new IllegalStateException("the project has no folder yet: use Save As");
        }
        Path previousFolder = current.folder();
        NetworkSpec savedSpec = editor.spec();
        Task<Project> task = new Task<>() {
            @Override
            protected Project call() throws IOException {
                ProjectFiles.save(target);
                autosave.discard(previousFolder);
                autosave.discard(target.folder());
                List<Path> list = recentProjects.add(target.folder());
                fx(() -> recent.setAll(list));
                return target;
            }
        };
        task.setOnSucceeded(e -> {
            autosaveDelay.stop();
            project.set(target.withSpec(editor.spec()));
            saved.set(target);
            if (editor.spec().equals(savedSpec)) {
                editor.markSaved();
            }
        });
        background.execute(task);
        return task;
    }

    /** Opens the project in {@code path} (its folder or project.json) in the background. */
    public Task<Project> openProject(Path path) {
        Task<Project> task = new Task<>() {
            @Override
            protected Project call() throws Exception {
                return ProjectFiles.load(path);
            }
        };
        task.setOnSucceeded(e -> open(task.getValue()));
        background.execute(task);
        return task;
    }

    /** Autosaves left behind by a workbench that did not close cleanly, newest first (background). */
    public Task<List<Autosave.Recovery>> findRecoveries() {
        Task<List<Autosave.Recovery>> task = new Task<>() {
            @Override
            protected List<Autosave.Recovery> call() throws IOException {
                return autosave.pending();
            }
        };
        background.execute(task);
        return task;
    }

    /**
     * Opens an autosaved project: the saved project (when its folder still holds one) with
     * the autosaved network applied as one undoable edit, so the recovered changes show as
     * unsaved.
     */
    public Task<Project> recover(Autosave.Recovery recovery) {
        Project edited = recovery.project();
        Task<Project> task = new Task<>() {
            @Override
            protected Project call() throws Exception {
                Path folder = edited.folder();
                if (folder != null && ProjectFiles.isProject(folder)) {
                    return ProjectFiles.load(folder);
                }
                return new Project(edited.name(), editor.spec(), Datasets.DEFAULT, null);
            }
        };
        task.setOnSucceeded(e -> {
            Project onDisk = task.getValue();
            editor.load(onDisk.spec());
            project.set(onDisk.withDataset(edited.dataset()));
            saved.set(onDisk);
            editor.apply("Recover autosaved edits", s -> edited.spec());
            loadDataset(edited.dataset());
        });
        background.execute(task);
        return task;
    }

    /** Throws away the unsaved changes' autosave (the user chose not to save them), in the background. */
    public Task<Void> discardAutosave(Path projectFolder) {
        autosaveDelay.stop();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws IOException {
                autosave.discard(projectFolder);
                return null;
            }
        };
        background.execute(task);
        return task;
    }

    private void scheduleAutosave() {
        if (dirty != null && dirty.get()) {
            autosaveDelay.playFromStart();
        }
    }

    private void autosaveNow() {
        if (!dirty.get()) {
            return;
        }
        Project snapshot = project();
        try {
            background.execute(() -> {
                try {
                    autosave.write(snapshot);
                } catch (IOException e) {
                    LOG.warn("could not autosave {}", snapshot.name(), e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the workbench is shutting down
        }
    }

    private void rememberRecent(Path folder) {
        background.execute(() -> {
            try {
                List<Path> list = recentProjects.add(folder);
                fx(() -> recent.setAll(list));
            } catch (IOException e) {
                LOG.warn("could not update the recent projects", e);
            }
        });
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

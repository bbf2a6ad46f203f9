package org.dl4jworkbench.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.project.Autosave;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.project.RecentProjects;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.app.ui.task.WorkbenchExecutors;
import org.dl4jworkbench.app.ui.training.RunOn;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's state, wired from small parts: the project and its unsaved changes
 * ({@link ProjectSession}, autosaved by {@link AutosaveTimer}), the recent projects
 * ({@link RecentList}), the loaded dataset ({@link DatasetLoader}), the network editor and the
 * theme. Files are read and written on the executors' io thread, datasets loaded on their data
 * threads, never on the FX thread; outcomes come back as property changes on the FX thread.
 */
public final class WorkbenchModel {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchModel.class);

    /** The state of the dataset being opened. */
    public record Loading(String spec, String phase, long done, long total) {
    }

    private final WorkbenchExecutors executors;
    private final EditorModel editor;
    private final ProjectSession session;
    private final RecentList recent;
    private final DatasetLoader datasets;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final RunOn runOn;

    /** With one executor for all background work (tests, tools). */
    public WorkbenchModel(Executor background) {
        this(WorkbenchExecutors.sharing(background), WorkbenchDirs.settings());
    }

    /** @param settings where recent projects and autosaves are kept */
    public WorkbenchModel(Executor background, Path settings) {
        this(WorkbenchExecutors.sharing(background), settings);
    }

    public WorkbenchModel(WorkbenchExecutors executors) {
        this(executors, WorkbenchDirs.settings());
    }

    /** @param settings where recent projects and autosaves are kept */
    public WorkbenchModel(WorkbenchExecutors executors, Path settings) {
        this.executors = executors;
        NetworkSpec lenet = Templates.find(Templates.DEFAULT).orElseThrow().spec();
        this.editor = new EditorModel(lenet);
        this.recent = new RecentList(new RecentProjects(settings), executors.io());
        this.session = new ProjectSession(editor, new Project(lenet.name(), lenet, Datasets.DEFAULT, null),
                executors.io(), new Autosave(settings), recent);
        this.datasets = new DatasetLoader(executors.data());
        this.runOn = new RunOn(settings, executors.io());
        // Image folders are decoded to the network's input size: a new size needs a new decode.
        editor.specProperty().addListener((obs, old, now) -> {
            Dataset d = datasets.datasetProperty().get();
            if (d != null && d.resizable() && old != null && !old.input().equals(now.input())) {
                loadDataset(session.projectProperty().get().dataset());
            }
        });
    }

    /** The default project: LeNet on the embedded mnist-mini, its dataset loading. */
    public static WorkbenchModel withDefaultProject(Executor background) {
        return withDefaultProject(WorkbenchExecutors.sharing(background));
    }

    public static WorkbenchModel withDefaultProject(WorkbenchExecutors executors) {
        var model = new WorkbenchModel(executors);
        model.loadDataset(Datasets.DEFAULT);
        return model;
    }

    public EditorModel editor() {
        return editor;
    }

    public WorkbenchExecutors executors() {
        return executors;
    }

    /** The executor for dataset work (the window's panes use {@link #executors()} for the rest). */
    public Executor background() {
        return executors.data();
    }

    public ObjectProperty<Project> projectProperty() {
        return session.projectProperty();
    }

    /** The project with the editor's current network. */
    public Project project() {
        return session.current();
    }

    /** Opens {@code p}: its network in the editor (no history), its dataset loading. */
    public void open(Project p) {
        session.open(p);
        loadDataset(p.dataset());
    }

    /** {@code listener} hears of each project opened, made from a template or recovered, on the FX thread. */
    public void addOpenListener(Consumer<Project> listener) {
        session.addOpenListener(listener);
    }

    /** True while the project has changes that are not saved in its folder. */
    public BooleanBinding dirtyProperty() {
        return session.dirtyProperty();
    }

    public boolean isDirty() {
        return session.dirtyProperty().get();
    }

    /** A run started in the project (see {@link ProjectSession#runStarted}). */
    public void runStarted() {
        session.runStarted();
    }

    /** True while runs trained in this project wait for its first save. */
    public boolean hasUnsavedRuns() {
        return session.hasUnsavedRuns();
    }

    /** Recent project folders, newest first. */
    public ObservableList<Path> recentProjects() {
        return recent.folders();
    }

    /**
     * Saves the project into {@code folder} under {@code name} (Save As), or into its own
     * folder when {@code folder} is null (Save), in the background. The returned task is
     * running; its failure message names the file.
     */
    public BackgroundTask<Project> save(Path folder, String name) {
        return session.save(folder, name);
    }

    /** Opens the project in {@code path} (its folder or project.json) in the background. */
    public BackgroundTask<Project> openProject(Path path) {
        return session.load(path).onSuccess(this::open);
    }

    /** Autosaves left behind by a workbench that did not close cleanly, newest first (background). */
    public BackgroundTask<List<Autosave.Recovery>> findRecoveries() {
        return session.findRecoveries();
    }

    /**
     * Opens an autosaved project: the saved project (when its folder still holds one) with
     * the autosaved network applied as one undoable edit, so the recovered changes show as
     * unsaved.
     */
    public BackgroundTask<Project> recover(Autosave.Recovery recovery) {
        return session.recover(recovery).onSuccess(p -> loadDataset(recovery.project().dataset()));
    }

    /** Throws away the unsaved changes' autosave (the user chose not to save them), in the background. */
    public BackgroundTask<Void> discardAutosave(Path projectFolder) {
        return session.discardAutosave(projectFolder);
    }

    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return datasets.datasetProperty();
    }

    public ReadOnlyObjectProperty<Loading> loadingProperty() {
        return datasets.loadingProperty();
    }

    /** Why the last dataset could not be opened, or null. */
    public StringProperty datasetErrorProperty() {
        return datasets.errorProperty();
    }

    /** Where runs train: here or on Spark (kept in the settings folder). */
    public RunOn runOn() {
        return runOn;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /**
     * Opens a dataset in the background (image folders at the network's input size) and makes
     * it the project's; the editor then checks the network against it. Any unfinished load is
     * cancelled first: the last load asked for wins.
     */
    public void loadDataset(String spec) {
        datasets.load(spec, editor.spec().input(), d -> {
            session.projectProperty().set(session.projectProperty().get().withDataset(spec));
            editor.dataShapeProperty().set(d.shape());
        });
    }

    public void cancelLoading() {
        datasets.cancel();
    }
}

package org.dl4jworkbench.app.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.project.Autosave;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.project.ProjectFiles;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.spec.NetworkSpec;

/**
 * The project the window works on: its name, folder and dataset spec (the network is the
 * editor's), the project as last opened or saved, and so whether there are unsaved changes.
 * Opening, saving and recovering read and write files on the io executor; the state changes
 * on the FX thread when they succeed. Whoever listens hears when another project is opened.
 */
final class ProjectSession {

    private final EditorModel editor;
    private final Executor io;
    private final AutosaveTimer autosave;
    private final RecentList recent;
    private final ObjectProperty<Project> project = new SimpleObjectProperty<>(this, "project");
    /** The project as last opened or saved: what "unsaved changes" compares with. */
    private final ObjectProperty<Project> saved = new SimpleObjectProperty<>(this, "saved");
    private final BooleanBinding dirty;
    /** A run was trained in this project while it had no folder: its runs wait in scratch until a save. */
    private final javafx.beans.property.BooleanProperty unsavedRuns =
            new javafx.beans.property.SimpleBooleanProperty(this, "unsavedRuns");
    private final List<Consumer<Project>> openListeners = new ArrayList<>();

    ProjectSession(EditorModel editor, Project initial, Executor io, Autosave autosaveStore, RecentList recent) {
        this.editor = editor;
        this.io = io;
        this.recent = recent;
        project.set(initial);
        saved.set(initial);
        dirty = Bindings.createBooleanBinding(() -> editor.isDirty() || unsavedRuns.get()
                || !Objects.equals(project.get().dataset(), saved.get().dataset())
                || !Objects.equals(project.get().name(), saved.get().name()), editor.dirtyProperty(), project, saved,
                unsavedRuns);
        autosave = new AutosaveTimer(autosaveStore, io, this::current, dirty::get);
        editor.specProperty().addListener((obs, old, now) -> autosave.schedule());
        project.addListener((obs, old, now) -> autosave.schedule());
        unsavedRuns.addListener((obs, old, now) -> autosave.schedule());
    }

    /**
     * A run started in the project. In a project without a folder its runs wait in a scratch
     * folder that only a save keeps with the project, so the project now has unsaved changes:
     * closing it or opening another asks first, and the autosave remembers the scratch folder.
     */
    void runStarted() {
        if (project.get().folder() == null) {
            unsavedRuns.set(true);
        }
    }

    boolean hasUnsavedRuns() {
        return unsavedRuns.get();
    }

    ObjectProperty<Project> projectProperty() {
        return project;
    }

    /** The project with the editor's current network. */
    Project current() {
        return project.get().withSpec(editor.spec());
    }

    BooleanBinding dirtyProperty() {
        return dirty;
    }

    void addOpenListener(Consumer<Project> listener) {
        openListeners.add(listener);
    }

    /** Makes {@code p} the project: its network in the editor (no history), nothing unsaved. */
    void open(Project p) {
        unsavedRuns.set(false);
        editor.load(p.spec());
        project.set(p);
        saved.set(p);
        if (p.folder() != null) {
            recent.remember(p.folder());
        }
        openListeners.forEach(l -> l.accept(p));
    }

    /** See {@link WorkbenchModel#save}. */
    BackgroundTask<Project> save(Path folder, String name) {
        Project now = current();
        Project target = folder == null ? now : now.savedAs(name, folder.toAbsolutePath().normalize());
        if (target.folder() == null) {
            throw new IllegalStateException("the project has no folder yet: use Save As");
        }
        Path previousFolder = now.folder();
        NetworkSpec savedSpec = editor.spec();
        Autosave store = autosave.store();
        return BackgroundTask.wrap(() -> {
            ProjectFiles.save(target);
            store.discard(previousFolder);
            store.discard(target.folder());
            return target;
        }).onSuccess(s -> {
            recent.remember(target.folder());
            autosave.stop();
            project.set(target.withSpec(editor.spec()));
            saved.set(target);
            unsavedRuns.set(false); // saving moved them into the project's runs/
            if (editor.spec().equals(savedSpec)) {
                editor.markSaved();
            }
        }).executeWith(io);
    }

    BackgroundTask<Project> load(Path path) {
        return BackgroundTask.wrap(() -> ProjectFiles.load(path)).executeWith(io);
    }

    BackgroundTask<List<Autosave.Recovery>> findRecoveries() {
        return BackgroundTask.wrap(autosave.store()::pending).executeWith(io);
    }

    /** See {@link WorkbenchModel#recover}; the caller loads the recovered dataset. */
    BackgroundTask<Project> recover(Autosave.Recovery recovery) {
        Project edited = recovery.project();
        NetworkSpec currentSpec = editor.spec();
        return BackgroundTask.wrap(() -> {
            Path folder = edited.folder();
            if (folder != null && ProjectFiles.isProject(folder)) {
                return ProjectFiles.load(folder);
            }
            return new Project(edited.name(), currentSpec, Datasets.DEFAULT, null, edited.scratch()); // its runs so far
        }).onSuccess(onDisk -> {
            editor.load(onDisk.spec());
            project.set(onDisk.withDataset(edited.dataset()));
            saved.set(onDisk);
            editor.apply("Recover autosaved edits", s -> edited.spec());
            openListeners.forEach(l -> l.accept(project.get()));
        }).executeWith(io);
    }

    BackgroundTask<Void> discardAutosave(Path projectFolder) {
        return autosave.discard(projectFolder);
    }
}

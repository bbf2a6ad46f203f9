package org.dl4jworkbench.app.project;

import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.spec.NetworkSpec;

/**
 * A workbench project: a name, the network (spec, with its training and data settings), the
 * dataset it trains on (a dataset SPEC such as {@code mnist-mini} or {@code folder:DIR}),
 * the folder it is saved in ({@code null} until first saved) and, for a project created
 * unsaved, its scratch runs folder: where its runs go until it has a folder of its own (in
 * the settings folder, {@value #SCRATCH}/, one per project, never the working directory).
 * Saving moves the scratch runs into the folder's {@code runs/} ({@link ProjectRuns}). Immutable.
 * The scratch folder is where runs wait, not part of what the project is: equality ignores it,
 * so a project saved and read back equals the one saved.
 */
public record Project(String name, NetworkSpec spec, String dataset, Path folder, Path scratch) {

    /** The settings folder's subfolder that holds the runs of projects not saved yet. */
    public static final String SCRATCH = "unsaved-runs";

    public Project {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(dataset, "dataset");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Project p && name.equals(p.name) && spec.equals(p.spec) && dataset.equals(p.dataset)
                && Objects.equals(folder, p.folder);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, spec, dataset, folder);
    }

    /** A project; one without a folder gets a scratch runs folder of its own. */
    public Project(String name, NetworkSpec spec, String dataset, Path folder) {
        this(name, spec, dataset, folder, folder == null ? newScratch() : null);
    }

    /** A fresh scratch runs folder (a path only: it is created when the first run starts). */
    public static Path newScratch() {
        return WorkbenchDirs.settings().toAbsolutePath().resolve(SCRATCH).resolve(UUID.randomUUID().toString());
    }

    public Project withSpec(NetworkSpec newSpec) {
        return new Project(name, newSpec, dataset, folder, scratch);
    }

    public Project withDataset(String newDataset) {
        return new Project(name, spec, newDataset, folder, scratch);
    }

    /** The project under a new name and folder; it keeps its scratch runs, which saving moves into the folder. */
    public Project savedAs(String newName, Path newFolder) {
        return new Project(newName, spec, dataset, newFolder, scratch);
    }

    /**
     * Where this project's runs go: its folder's {@code runs/}; before it is saved, its scratch
     * folder (a project read without one, as a recovered autosave, gets the shared
     * {@value #SCRATCH}/ folder).
     */
    public Path runsFolder() {
        if (folder != null) {
            return folder.resolve("runs");
        }
        return scratch != null ? scratch : WorkbenchDirs.settings().resolve(SCRATCH).resolve("untitled");
    }
}

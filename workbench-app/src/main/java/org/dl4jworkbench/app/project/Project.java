package org.dl4jworkbench.app.project;

import java.nio.file.Path;
import java.util.Objects;
import org.dl4jworkbench.core.spec.NetworkSpec;

/**
 * A workbench project: a name, the network (spec, with its training and data settings), the
 * dataset it trains on (a dataset SPEC such as {@code mnist-mini} or {@code folder:DIR}),
 * and the folder it is saved in ({@code null} until first saved). Runs live in the
 * project folder's {@code runs/}. Immutable.
 */
public record Project(String name, NetworkSpec spec, String dataset, Path folder) {

    public Project {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(dataset, "dataset");
    }

    public Project withSpec(NetworkSpec newSpec) {
        return new Project(name, newSpec, dataset, folder);
    }

    public Project withDataset(String newDataset) {
        return new Project(name, spec, newDataset, folder);
    }

    public Project savedAs(String newName, Path newFolder) {
        return new Project(newName, spec, dataset, newFolder);
    }

    /** Where this project's runs go: its folder's {@code runs/}, or ./runs before it is saved. */
    public Path runsFolder() {
        return folder == null ? Path.of("runs") : folder.resolve("runs");
    }
}

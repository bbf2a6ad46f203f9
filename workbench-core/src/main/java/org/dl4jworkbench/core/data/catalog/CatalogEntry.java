package org.dl4jworkbench.core.data.catalog;

import java.nio.file.Path;
import java.util.List;

/**
 * A dataset the workbench knows how to download: its name (also its {@code --dataset} spec),
 * the spec form its files are read with ({@code idx}, {@code cifar10}), a line for listings,
 * and the files to fetch. It lives in {@code DATA/NAME}, where DATA is usually
 * {@link org.dl4jworkbench.core.data.WorkbenchDirs#data()}.
 */
public record CatalogEntry(String name, String format, String description, List<RemoteFile> files)
        implements Downloadable {

    public CatalogEntry {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("a catalogue name is lower-case letters, digits and '-': " + name);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(name + ": no files");
        }
        files = List.copyOf(files);
    }

    /** Where the entry's files live under {@code dataRoot}. */
    @Override
    public Path folder(Path dataRoot) {
        return dataRoot.resolve(name);
    }

    @Override
    public String kind() {
        return "dataset";
    }

    @Override
    public String downloadCommand() {
        return "./workbench datasets download " + name;
    }

    /** The same dataset with other files (tests point its URLs at a local server). */
    public CatalogEntry withFiles(List<RemoteFile> newFiles) {
        return new CatalogEntry(name, format, description, newFiles);
    }
}

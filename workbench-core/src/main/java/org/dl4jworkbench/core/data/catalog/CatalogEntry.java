package org.dl4jworkbench.core.data.catalog;

import java.nio.file.Path;
import java.util.List;

/**
 * A dataset the workbench knows how to download: its name (also its {@code --dataset} spec),
 * the spec form its files are read with ({@code idx}, {@code cifar10}), a line for listings,
 * and the files to fetch. It lives in {@code DATA/NAME}, where DATA is usually
 * {@link org.dl4jworkbench.core.data.WorkbenchDirs#data()}.
 */
public record CatalogEntry(String name, String format, String description, List<RemoteFile> files) {

    public CatalogEntry {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("a catalogue name is lower-case letters, digits and '-': " + name);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(name + ": no files");
        }
        files = List.copyOf(files);
    }

    /** Bytes to download, as the catalogue knows them (a mirror's copy may differ a little). */
    public long downloadSize() {
        return files.stream().mapToLong(RemoteFile::size).sum();
    }

    /** Where the entry's files live under {@code dataRoot}. */
    public Path folder(Path dataRoot) {
        return dataRoot.resolve(name);
    }

    /** Every file the entry leaves in its folder once installed, relative to it. */
    public List<String> keptFiles() {
        return files.stream().flatMap(f -> f.keptFiles().stream()).toList();
    }

    /** The names of the files as downloaded, for telling a user what to fetch by hand. */
    public List<String> fileNames() {
        return files.stream().map(RemoteFile::name).toList();
    }

    /** The same dataset with other files (tests point its URLs at a local server). */
    public CatalogEntry withFiles(List<RemoteFile> newFiles) {
        return new CatalogEntry(name, format, description, newFiles);
    }
}

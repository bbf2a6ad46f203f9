package org.dl4jworkbench.core.data.catalog;

import java.nio.file.Path;
import java.util.List;

/**
 * What a catalogue offers for download into the data folder: a dataset ({@link CatalogEntry})
 * or a pretrained network ({@code core.pretrained.PretrainedEntry}). The {@link Downloader},
 * {@link LocalCopy} and the messages they write need no more of an entry than this, so both
 * catalogues share one way of fetching, checking, resuming and installing by hand.
 */
public interface Downloadable {

    /** What users type to name it: a dataset's name, a network's id. */
    String name();

    /** The files to fetch, each with its checksum. */
    List<RemoteFile> files();

    /** Where its files live under {@code dataRoot}. */
    Path folder(Path dataRoot);

    /** What it is, for messages: "dataset", "network". */
    String kind();

    /** The command that downloads it, for messages: {@code ./workbench datasets download mnist}. */
    String downloadCommand();

    /** Bytes to download, as the catalogue knows them (a mirror's copy may differ a little). */
    default long downloadSize() {
        return files().stream().mapToLong(RemoteFile::size).sum();
    }

    /** Every file the entry leaves in its folder once installed, relative to it. */
    default List<String> keptFiles() {
        return files().stream().flatMap(f -> f.keptFiles().stream()).toList();
    }

    /** The names of the files as downloaded, for telling a user what to fetch by hand. */
    default List<String> fileNames() {
        return files().stream().map(RemoteFile::name).toList();
    }
}

package org.dl4jworkbench.app.ui.predict;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks for a file to open or a place to save: the system's file choosers, or a test's answers
 * (a native chooser cannot be driven by a headless test).
 */
public interface FilePicker {

    /** A file to open, or null when the user cancels. */
    Path open(Window owner, String title, FileChooser.ExtensionFilter... filters);

    /**
     * Where to save, starting at {@code suggested} (its folder and name), or null when the user
     * cancels; the chooser itself asks before an existing file is replaced.
     */
    Path save(Window owner, String title, Path suggested, FileChooser.ExtensionFilter filter);

    /** The system's file choosers. */
    FilePicker SYSTEM = new FilePicker() {
        @Override
        public Path open(Window owner, String title, FileChooser.ExtensionFilter... filters) {
            var chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().addAll(filters);
            File file = chooser.showOpenDialog(owner);
            return file == null ? null : file.toPath();
        }

        @Override
        public Path save(Window owner, String title, Path suggested, FileChooser.ExtensionFilter filter) {
            var chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().add(filter);
            chooser.setInitialFileName(suggested.getFileName().toString());
            Path folder = suggested.toAbsolutePath().getParent();
            if (folder != null && Files.isDirectory(folder)) {
                chooser.setInitialDirectory(folder.toFile());
            }
            File file = chooser.showSaveDialog(owner);
            return file == null ? null : file.toPath();
        }
    };
}

package org.dl4jworkbench.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.ui.predict.FilePicker;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.analysis.Problem;
import org.dl4jworkbench.core.export.ExportedJava;
import org.dl4jworkbench.core.export.JavaExport;
import org.dl4jworkbench.core.spec.NetworkSpec;

/**
 * File > Export as Java...: the network in the editor as the Deeplearning4j code that builds
 * it ({@link JavaExport}), written where the user chooses. A network with problems is refused
 * with them listed; the code is made and written on the I/O executor, never the FX thread.
 */
public final class JavaExportAction {

    public static final String MENU_ID = "export-java";
    public static final String DONE_ID = "export-java-done";
    public static final String REFUSED_ID = "export-java-refused";

    private final EditorModel editor;
    private final Stage stage;
    private final Executor io;
    private final Supplier<Path> projectFolder;
    private FilePicker files = FilePicker.SYSTEM;
    private Path lastFolder;

    JavaExportAction(EditorModel editor, Stage stage, Executor io, Supplier<Path> projectFolder) {
        this.editor = editor;
        this.stage = stage;
        this.io = io;
        this.projectFolder = projectFolder;
    }

    /** The menu item, with this action as its user data (tests reach it there to answer its file chooser). */
    static MenuItem menuItem(EditorModel editor, Stage stage, Executor io, Supplier<Path> projectFolder) {
        var action = new JavaExportAction(editor, stage, io, projectFolder);
        var item = MainWindow.item("Export as Java...", "Shortcut+Shift+J", action::run);
        item.setId(MENU_ID);
        item.setUserData(action);
        return item;
    }

    /** Replaces the system's file chooser (tests answer it themselves). */
    public void filePicker(FilePicker picker) {
        this.files = picker;
    }

    /** Asks where, then exports the network in the editor now; refuses a network with problems. */
    void run() {
        NetworkSpec spec = editor.spec(); // immutable: what the editor holds at the click
        List<String> problems = new ArrayList<>(editor.fieldProblems().map().values());
        editor.analysis().errors().stream().map(Problem::toString).forEach(problems::add);
        if (!problems.isEmpty()) {
            var alert = new Alert(Alert.AlertType.ERROR, "Fix the network's problems first (the Problems list under "
                    + "the network shows them):\n\n- " + String.join("\n- ", problems));
            show(alert, REFUSED_ID, "Cannot export the network as Java");
            return;
        }
        Path target = files.save(stage, "Export the network as Java", suggested(spec),
                new FileChooser.ExtensionFilter("Java source", "*.java"));
        if (target == null) {
            return;
        }
        Path file = target.getFileName().toString().endsWith(".java") ? target
                : target.resolveSibling(target.getFileName() + ".java");
        lastFolder = file.toAbsolutePath().getParent();
        BackgroundTask.wrap(() -> {
            ExportedJava java = ExportedJava.of(spec, null, file);
            java.writeTo(file);
            return java;
        }).onSuccess(java -> {
            var alert = new Alert(Alert.AlertType.INFORMATION, file + "\n\nClass " + java.className() + ", "
                    + java.lines() + " lines. Compile it with Deeplearning4j 1.0.0-M2.1 on the class path; its main "
                    + "builds the network and prints its summary.");
            show(alert, DONE_ID, "Exported as Java");
        }).onFailure(failure -> {
            var alert = new Alert(Alert.AlertType.ERROR, failure.message());
            show(alert, REFUSED_ID, "Could not export the network as Java");
        }).executeWith(io);
    }

    /** In the folder exported to last, else beside the project, else the home folder: ClassName.java. */
    private Path suggested(NetworkSpec spec) {
        Path folder = lastFolder;
        if (folder == null) {
            Path project = projectFolder.get();
            folder = project != null && project.getParent() != null ? project.getParent()
                    : Path.of(System.getProperty("user.home"));
        }
        if (!Files.isDirectory(folder)) {
            folder = Path.of(System.getProperty("user.home"));
        }
        return folder.resolve(JavaExport.defaultClassName(spec) + ".java");
    }

    private void show(Alert alert, String id, String header) {
        alert.initOwner(stage);
        alert.setTitle("Export as Java");
        alert.setHeaderText(header);
        alert.getDialogPane().setId(id);
        alert.getDialogPane().setMinWidth(520);
        DialogSizing.fitOnShown(alert, stage);
        alert.show();
    }
}

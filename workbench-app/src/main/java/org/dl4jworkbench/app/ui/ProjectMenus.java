package org.dl4jworkbench.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.dl4jworkbench.app.project.Autosave;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.project.ProjectFiles;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.spec.Template;
import org.dl4jworkbench.core.util.AtomicFiles;

/**
 * The File menu's project commands (new from template, open, open recent, save, save as, save
 * model as), the unsaved-changes prompt before the project is replaced or the window closes,
 * and the offer to recover autosaved edits at start. Files are read and written by the
 * model's background tasks; this class only asks and reports.
 */
final class ProjectMenus {

    static final String SAVE_CHANGES = "Save changes?";

    private final WorkbenchModel model;
    private final Stage stage;
    private final Supplier<Path> trainedModel;
    private final Consumer<Template> templateOpened;
    private boolean closing;

    private ProjectMenus(WorkbenchModel model, Stage stage, Supplier<Path> trainedModel,
                         Consumer<Template> templateOpened) {
        this.model = model;
        this.stage = stage;
        this.trainedModel = trainedModel;
        this.templateOpened = templateOpened;
    }

    /**
     * Adds the project commands to the top of {@code file}, and the unsaved-changes prompt to
     * the window's close request.
     *
     * @param trainedModel   the model zip of the last finished run, or null
     * @param templateOpened told of a template just opened (to ask for the dataset it needs)
     */
    static void install(Menu file, WorkbenchModel model, Stage stage, Supplier<Path> trainedModel,
                        Consumer<Template> templateOpened) {
        var menus = new ProjectMenus(model, stage, trainedModel, templateOpened);
        var recent = new Menu("Open recent");
        recent.setId("open-recent");
        model.recentProjects().addListener((ListChangeListener<Path>) c -> menus.fillRecent(recent));
        menus.fillRecent(recent);
        var saveModel = MainWindow.item("Save model as...", "Shortcut+Shift+E", menus::saveModelAs);
        file.setOnShowing(e -> saveModel.setDisable(trainedModel.get() == null));
        file.getItems().addAll(0, List.of(
                MainWindow.item("New from template...", "Shortcut+N", menus::newFromTemplate),
                MainWindow.item("Open project...", "Shortcut+O", menus::openProject),
                recent,
                new SeparatorMenuItem(),
                MainWindow.item("Save project", "Shortcut+S", menus::save),
                MainWindow.item("Save project as...", "Shortcut+Shift+S", menus::saveAs),
                saveModel));
        stage.setOnCloseRequest(e -> {
            if (!menus.closing && model.isDirty()) {
                e.consume();
                menus.afterUnsavedChanges(() -> {
                    menus.closing = true;
                    stage.close();
                });
            }
        });
    }

    /** Closes the window the way its close button does: with the unsaved-changes prompt. */
    static void requestClose(Stage stage) {
        stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    /** Offers to recover edits autosaved by a workbench that did not close cleanly. */
    static void offerRecovery(WorkbenchModel model, Stage stage) {
        model.findRecoveries().onSuccess(found -> {
            if (found.isEmpty()) {
                return;
            }
            Autosave.Recovery r = found.get(0);
            var recover = new ButtonType("Recover", ButtonBar.ButtonData.OK_DONE);
            var discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
            var alert = new Alert(Alert.AlertType.CONFIRMATION, "", recover, discard);
            alert.initOwner(stage);
            alert.setTitle("Recover unsaved changes");
            alert.setHeaderText("The workbench did not close cleanly last time.");
            alert.setContentText("Unsaved changes to the project \"" + r.project().name() + "\""
                    + (r.project().folder() == null ? "" : " (" + r.project().folder() + ")") + " were autosaved at "
                    + DateTimeFormatter.ofPattern("HH:mm, d MMM").withZone(ZoneId.systemDefault()).format(r.savedAt())
                    + ". Recover them? Discard deletes the autosave.");
            DialogSizing.fitOnShown(alert, stage);
            alert.showAndWait().ifPresent(b -> {
                if (b == recover) {
                    reportFailure(model.recover(r), stage, "Could not recover the project");
                } else {
                    model.discardAutosave(r.project().folder());
                }
            });
        });
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path folder : model.recentProjects()) {
            var item = new MenuItem(folder.getFileName() + "  (" + folder + ")");
            item.setMnemonicParsing(false);
            item.setOnAction(e -> afterUnsavedChanges(() -> open(folder)));
            recent.getItems().add(item);
        }
        if (recent.getItems().isEmpty()) {
            var none = new MenuItem("No recent projects");
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    private void newFromTemplate() {
        afterUnsavedChanges(() -> TemplateChooser.show(stage, model.projectProperty().get().dataset()).ifPresent(t -> {
            model.open(new Project(t.id(), t.spec(), datasetFor(t), null));
            templateOpened.accept(t);
        }));
    }

    /**
     * MNIST for an MNIST template (the one open now where it is MNIST), else the dataset open
     * now: the Dataset tab then asks for the CIFAR-10 or photo folder the template needs.
     */
    private String datasetFor(Template t) {
        String current = model.projectProperty().get().dataset();
        return t.dataset().equals("mnist") && (current.startsWith("cifar10") || current.startsWith("folder:"))
                ? Datasets.DEFAULT : current;
    }

    private void openProject() {
        afterUnsavedChanges(() -> {
            var chooser = new DirectoryChooser();
            chooser.setTitle("Open project: choose the project's folder");
            Path current = model.projectProperty().get().folder();
            if (current != null && current.getParent() != null && Files.isDirectory(current.getParent())) {
                chooser.setInitialDirectory(current.getParent().toFile());
            }
            var folder = chooser.showDialog(stage);
            if (folder != null) {
                open(folder.toPath());
            }
        });
    }

    private void open(Path folder) {
        open(model, stage, folder);
    }

    /** Opens the project in {@code folder} in the background; a failure shows its message. */
    static void open(WorkbenchModel model, Stage stage, Path folder) {
        reportFailure(model.openProject(folder), stage, "Could not open the project");
    }

    private void save() {
        save(null);
    }

    /** Saves (Save As when the project has no folder yet); then runs {@code then}. */
    private void save(Runnable then) {
        if (model.projectProperty().get().folder() == null) {
            saveAs(then);
            return;
        }
        whenDone(model.save(null, model.projectProperty().get().name()), then);
    }

    private void saveAs() {
        saveAs(null);
    }

    private void saveAs(Runnable then) {
        var chooser = new FileChooser();
        chooser.setTitle("Save project as: a folder with this name is created");
        Project p = model.projectProperty().get();
        chooser.setInitialFileName(p.name());
        if (p.folder() != null && p.folder().getParent() != null) {
            chooser.setInitialDirectory(p.folder().getParent().toFile());
        }
        var chosen = chooser.showSaveDialog(stage);
        if (chosen == null) {
            return;
        }
        Path folder = chosen.toPath();
        if (Files.isRegularFile(folder)) {
            error("Could not save the project", folder + " is a file. Choose a new name: the project is saved as a "
                    + "folder holding " + ProjectFiles.FILE_NAME + " and its runs.");
            return;
        }
        whenDone(model.save(folder, folder.getFileName().toString()), then);
    }

    private void saveModelAs() {
        Path source = trainedModel.get();
        if (source == null) {
            error("No trained model yet", "Train the network first: each run saves its model, and this saves a copy.");
            return;
        }
        var chooser = new FileChooser();
        chooser.setTitle("Save the trained model as");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("DL4J model zip", "*.zip"));
        chooser.setInitialFileName(model.projectProperty().get().name() + ".zip");
        var chosen = chooser.showSaveDialog(stage);
        if (chosen == null) {
            return;
        }
        Path target = chosen.getName().endsWith(".zip") ? chosen.toPath()
                : chosen.toPath().resolveSibling(chosen.getName() + ".zip");
        reportFailure(BackgroundTask.wrap(() -> {
            AtomicFiles.write(target, tmp -> Files.copy(source, tmp));
            return target;
        }).executeWith(model.executors().io()), stage, "Could not save the model");
    }

    /**
     * Runs {@code next} once the project's unsaved changes are dealt with: saved, discarded,
     * or there are none; not at all when the user cancels.
     */
    private void afterUnsavedChanges(Runnable next) {
        if (!model.isDirty()) {
            next.run();
            return;
        }
        var save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        var discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        var alert = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle(SAVE_CHANGES);
        alert.setHeaderText("Save the changes to \"" + model.projectProperty().get().name() + "\"?");
        alert.setContentText(model.hasUnsavedRuns()
                ? "Your changes are lost if you don't save them, and the runs trained in it (models, curves) "
                        + "stay behind in the settings folder, out of any project."
                : "Your changes are lost if you don't save them.");
        DialogSizing.fitOnShown(alert, stage);
        alert.showAndWait().ifPresent(b -> {
            if (b == save) {
                save(next);
            } else if (b == discard) {
                whenDone(model.discardAutosave(model.projectProperty().get().folder()), next);
            }
        });
    }

    /** Runs {@code then} after the task's own success handling (callbacks run in the order added). */
    private void whenDone(BackgroundTask<?> task, Runnable then) {
        reportFailure(task, stage, "Could not save the project");
        if (then != null) {
            task.onSuccess(v -> then.run());
        }
    }

    private static void reportFailure(BackgroundTask<?> task, Stage stage, String title) {
        task.onFailure(failure -> {
            var alert = new Alert(Alert.AlertType.ERROR, failure.message());
            alert.initOwner(stage);
            alert.setTitle(title);
            alert.setHeaderText(title);
            alert.getDialogPane().setMinWidth(520);
            DialogSizing.fitOnShown(alert, stage);
            alert.show();
        });
    }

    private void error(String title, String message) {
        var alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(stage);
        alert.setHeaderText(title);
        DialogSizing.fitOnShown(alert, stage);
        alert.show();
    }

    static javafx.beans.binding.StringBinding title(WorkbenchModel model) {
        return Bindings.createStringBinding(() -> WorkbenchAppTitles.title(model.projectProperty().get().name())
                + (model.isDirty() ? " *" : ""), model.projectProperty(), model.dirtyProperty());
    }
}

package org.dl4jworkbench.app.ui;

import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Menu;
import javafx.stage.Stage;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.core.spec.Template;
import org.dl4jworkbench.core.spec.Templates;

/** The File menu's project commands. */
final class ProjectMenus {

    private ProjectMenus() {
    }

    static void install(Menu file, WorkbenchModel model, Stage stage) {
        var fromTemplate = MainWindow.item("New from template...", "Shortcut+N", () -> newFromTemplate(model, stage));
        file.getItems().add(0, fromTemplate);
    }

    private static void newFromTemplate(WorkbenchModel model, Stage stage) {
        var dialog = new ChoiceDialog<Template>(Templates.find(Templates.DEFAULT).orElseThrow(), Templates.all());
        dialog.initOwner(stage);
        dialog.setTitle("New from template");
        dialog.setHeaderText("Start a project from one of the built-in networks");
        dialog.showAndWait().ifPresent(t -> model.open(new Project(t.id(), t.spec(),
                model.projectProperty().get().dataset(), null)));
    }
}

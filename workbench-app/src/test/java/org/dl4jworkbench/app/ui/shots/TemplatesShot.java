package org.dl4jworkbench.app.ui.shots;

import javafx.application.Platform;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;

/** File > New from template, open (docs/screenshots/templates.png). */
public final class TemplatesShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) {
        var bar = (MenuBar) stage.getScene().lookup(".menu-bar");
        var item = bar.getMenus().get(0).getItems().stream()
                .filter(i -> "New from template...".equals(i.getText())).findFirst().orElseThrow();
        Platform.runLater(item::fire); // the chooser waits for an answer: open it after this returns
        return 2;
    }
}

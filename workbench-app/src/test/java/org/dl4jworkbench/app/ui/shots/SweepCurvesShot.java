package org.dl4jworkbench.app.ui.shots;

import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;

/** The same sweep as {@link SweepShot}, its Curves tab: the trials' curves overlaid (docs/screenshots/sweep-curves.png). */
public final class SweepCurvesShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) throws Exception {
        double wait = new SweepShot().act(window, model, stage);
        javafx.stage.Window.getWindows().stream().filter(w -> w != stage && w.isShowing()).reduce((a, b) -> b)
                .map(w -> (TabPane) w.getScene().lookup(".tab-pane"))
                .ifPresent(tabs -> tabs.getSelectionModel().select(1));
        return wait;
    }
}

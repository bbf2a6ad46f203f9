package org.dl4jworkbench.app.ui.shots;

import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.TrainAction;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.dashboard.DashboardView;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.TrainingSpec;

/** For the scenarios that train: the network and settings, the Train button, a hook for the run's end. */
final class ShotTraining {

    private ShotTraining() {
    }

    /**
     * Trains the editor's network with {@code change} applied to its training settings, into a
     * temporary project folder (not the working directory), from the real Train button; calls
     * {@code onEnd} on the FX thread with the finished session.
     */
    static TrainAction train(WorkbenchModel model, Stage stage, java.util.function.UnaryOperator<TrainingSpec> change,
                             Consumer<TrainAction.Session> onEnd) throws IOException {
        NetworkSpec spec = model.editor().spec();
        model.editor().load(spec.withTraining(change.apply(spec.training())));
        model.projectProperty().set(model.projectProperty().get().savedAs(spec.name(),
                Files.createTempDirectory("workbench-shot")));
        var scene = stage.getScene();
        TrainAction training = ((DashboardView) scene.lookup("#" + DashboardView.ID).getUserData()).training();
        training.sessionProperty().addListener((obs, old, s) -> {
            if (s != null && s.outcome() != null) {
                onEnd.accept(s);
            }
        });
        ((Button) scene.lookup("#" + MainWindow.TRAIN_ID)).fire();
        return training;
    }

    static void selectTab(Stage stage, String title) {
        var tabs = (TabPane) stage.getScene().lookup("#" + MainWindow.TABS_ID);
        tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }
}

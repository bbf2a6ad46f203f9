package org.dl4jworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dl4jworkbench.app.ui.WindowHarness.await;
import static org.dl4jworkbench.app.ui.WindowHarness.text;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.dashboard.DashboardView;
import org.dl4jworkbench.app.ui.predict.PredictionPane;
import org.dl4jworkbench.core.data.Dataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An Error on the training thread (an out-of-memory error, as ND4J throws when a network does
 * not fit) through the real window: the window says what happened and can train again.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TrainingFailureWindowTest {

    @TempDir
    Path dir;

    private WindowHarness window;
    private WorkbenchModel model;

    @Start
    void start(Stage stage) {
        window = WindowHarness.withDefaultProject(stage);
        model = window.model();
    }

    @AfterEach
    void stopBackground() {
        window.close();
    }

    @Test
    void anOutOfMemoryErrorWhileTrainingIsShownAndTheWindowCanTrainAgain(FxRobot robot) throws Exception {
        window.settle(); // the dataset has loaded
        robot.interact(() -> model.projectProperty().set(model.projectProperty().get().savedAs("failing", dir)));
        TrainAction training = ((DashboardView) robot.lookup("#" + DashboardView.ID).query().getUserData())
                .training();
        training.beforeTraining = run -> {
            throw new OutOfMemoryError("Cannot allocate new FloatPointer(2000000000)");
        };
        Dataset loaded = model.datasetProperty().get();

        robot.clickOn("#" + MainWindow.TRAIN_ID);
        await(60, () -> training.sessionProperty().get().outcome() != null);
        Button train = robot.lookup("#" + MainWindow.TRAIN_ID).queryButton();
        assertThat(train.getText()).isEqualTo("Train");
        assertThat(train.isDisabled()).isFalse();
        assertThat(training.isRunning()).isFalse();
        String expected = "Training failed: Out of memory: Cannot allocate new FloatPointer(2000000000). Lower the "
                + "batch size or the image size";
        assertThat(text(robot, "#" + MainWindow.STATUS_ID)).startsWith(expected);
        assertThat(text(robot, "#dashboard-status")).startsWith(expected);
        assertThat(robot.lookup("#pause").queryButton().isDisabled()).isTrue();
        assertThat(training.sessionProperty().get().result()).isNull();
        assertThat(training.sessionProperty().get().trainedOn()).isSameAs(loaded);

        // The window recovers: the next run trains (here until it is stopped) and ends as runs do.
        training.beforeTraining = run -> { };
        robot.clickOn("#" + MainWindow.TRAIN_ID);
        await(60, () -> training.isRunning() && train.getText().equals("Stop"));
        robot.clickOn("#" + MainWindow.TRAIN_ID); // Stop
        await(120, () -> training.sessionProperty().get().result() != null);
        assertThat(text(robot, "#" + MainWindow.STATUS_ID)).startsWith("Stopped: test accuracy");
        assertThat(train.getText()).isEqualTo("Train");
        assertThat(training.sessionProperty().get().trainedOn()).isSameAs(loaded);
        await(60, () -> text(robot, "#" + PredictionPane.MODEL_ID).contains("(saved when the run ended)"));
    }
}

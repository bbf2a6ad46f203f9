package org.dl4jworkbench.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dl4jworkbench.app.ui.WindowHarness.text;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.TrainAction;
import org.dl4jworkbench.app.ui.WindowHarness;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.dashboard.DashboardView;
import org.dl4jworkbench.app.ui.predict.PredictionPane;
import org.dl4jworkbench.app.ui.runs.RunsView;
import org.dl4jworkbench.app.ui.training.RunOn;
import org.dl4jworkbench.app.ui.training.RunOnView;
import org.dl4jworkbench.app.ui.training.SparkRun;
import org.dl4jworkbench.core.run.RunEntry;
import org.dl4jworkbench.core.run.RunSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Training on Spark from the real window, headless: the Training panel's Run on set to Spark
 * cluster, a master URL it refuses (the message names the field and holds Train back), then
 * {@code local[2]}; Train starts {@code ./workbench spark train} (this module as just packaged,
 * on a JDK 17) and the dashboard follows its run folder: LeNet's iterations and its epoch on
 * mnist-mini, Pause disabled with the reason. The finished run is in the Runs view with its test
 * accuracy and its model in Predict, as a run on this computer.
 */
@ExtendWith(ApplicationExtension.class)
class TrainOnSparkWindowIT {

    @TempDir
    Path dir;

    private WindowHarness window;

    @Start
    void start(Stage stage) throws Exception {
        window = WindowHarness.withSettingsIn(dir, stage);
    }

    @AfterEach
    void close() {
        window.close();
    }

    /**
     * As the window tests type: all of the field's text replaced, then Tab. Focused rather than
     * clicked: the field is below the training settings, out of the scroll pane's view.
     */
    private static void typeInto(FxRobot robot, TextField field, String text) {
        robot.interact(field::requestFocus);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void lenetTrainsOnLocal2FromTheTrainingPanelIntoTheDashboardAndRuns(FxRobot robot) throws Exception {
        window.settle(); // mnist-mini has loaded
        WorkbenchModel model = window.model();
        Path project = dir.resolve("project");
        robot.interact(() -> {
            model.projectProperty().set(model.projectProperty().get().savedAs("spark-window", project));
            model.editor().apply("Change epochs", s -> s.withTraining(s.training().withEpochs(1)));
        });

        TabPane tabs = robot.lookup("#" + MainWindow.TABS_ID).queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2)); // Training
        @SuppressWarnings("unchecked")
        ChoiceBox<RunOn.Where> where = robot.lookup("#" + RunOnView.WHERE_ID).queryAs(ChoiceBox.class);
        robot.interact(() -> where.setValue(RunOn.Where.SPARK)); // as the window tests choose (popups are unreliable headless)
        assertThat(model.runOn().spark()).isTrue();
        TextField master = robot.lookup("#" + RunOnView.MASTER_ID).queryAs(TextField.class);
        assertThat(master.isVisible()).isTrue();
        assertThat(master.getText()).isEqualTo("local[2]");

        typeInto(robot, master, "spark:/nowhere");
        assertThat(text(robot, "#" + RunOnView.MASTER_ID + "-problem")).as("typed: %s", master.getText())
                .startsWith("Master URL: expected local[N]");
        assertThat(text(robot, "#" + MainWindow.TRAIN_REASON_ID)).startsWith("Cannot train: Master URL:");
        Button train = robot.lookup("#" + MainWindow.TRAIN_ID).queryButton();
        assertThat(train.isDisabled()).isTrue();
        typeInto(robot, master, "yarn");
        assertThat(text(robot, "#" + RunOnView.MASTER_ID + "-problem")).contains("spark-submit");

        typeInto(robot, master, "local[2]");
        assertThat(text(robot, "#" + RunOnView.MASTER_ID + "-problem")).isEmpty();
        assertThat(train.isDisabled()).isFalse();
        window.settle();
        assertThat(Files.readString(window.settings().resolve(RunOn.FILE_NAME))).contains("\"spark\"", "local[2]");

        // Fired, not clicked: here a click on the tool bar after typing in the Training tab did not land (headless
        // Monocle; the window tests' clicks on Train do). What follows is what the button does.
        robot.interact(train::fire);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Dashboard");
        var dashboard = (DashboardView) robot.lookup("#" + DashboardView.ID).query().getUserData();
        TrainAction training = dashboard.training();
        assertThat(training.isRunning()).isTrue();
        assertThat(robot.lookup("#pause").queryButton().isDisabled()).isTrue();
        assertThat(training.pauseUnavailable()).contains("Spark");

        WindowHarness.await(240, () -> dashboard.iterations().size() >= 3);
        // Streamed within the epoch (the run folder gets its rows every second), not at its end.
        assertThat(dashboard.epochs()).as("iterations arrive before the epoch ends").isEmpty();
        assertThat(text(robot, "#dashboard-status")).startsWith("Training: epoch 1/1");
        assertThat(dashboard.iterations()).allSatisfy(i -> assertThat(i.loss()).isPositive());
        WindowHarness.await(300, () -> !training.isRunning());
        var session = training.sessionProperty().get();
        assertThat(session.outcome()).as(session.outcome()).startsWith("Completed on Spark local[2]: test accuracy");
        assertThat(session.result().test().accuracy()).isGreaterThan(0.85);
        assertThat(dashboard.epochs()).hasSize(1);
        Path run = session.model().getParent();
        assertThat(run.getParent()).isEqualTo(project.resolve("runs"));
        assertThat(run.resolve(SparkRun.LOG)).exists();
        assertThat(run.resolve(".spark-network.json")).doesNotExist();

        robot.interact(() -> tabs.getSelectionModel().select(6)); // Runs: it lists the runs again
        WindowHarness.await(60, () -> !robot.lookup("#" + RunsView.TABLE_ID).queryAs(TableView.class).getItems()
                .isEmpty());
        @SuppressWarnings("unchecked")
        TableView<RunEntry> runs = robot.lookup("#" + RunsView.TABLE_ID).queryAs(TableView.class);
        RunEntry entry = runs.getItems().get(0);
        assertThat(entry.status()).isEqualTo(RunSummary.COMPLETED);
        assertThat(entry.testAccuracy()).isEqualTo(session.result().test().accuracy(),
                org.assertj.core.data.Offset.offset(1e-4));
        assertThat(robot.lookup(String.format(java.util.Locale.ROOT, "%.2f%%", entry.testAccuracy() * 100))
                .tryQuery()).isPresent();

        WindowHarness.await(60, () -> text(robot, "#" + PredictionPane.MODEL_ID).contains("(saved when the run ended)"));
    }
}

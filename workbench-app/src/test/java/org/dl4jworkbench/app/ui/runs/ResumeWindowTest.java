package org.dl4jworkbench.app.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dl4jworkbench.app.ui.WindowHarness.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.dl4jworkbench.app.charts.CurvesChart;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.project.ProjectFiles;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.TrainAction;
import org.dl4jworkbench.app.ui.WindowHarness;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.dashboard.DashboardView;
import org.dl4jworkbench.app.ui.predict.PredictionPane;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.run.RunEntry;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.run.RunLock;
import org.dl4jworkbench.core.run.RunSummary;
import org.dl4jworkbench.core.run.TrainingRun;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.train.EpochEvent;
import org.dl4jworkbench.core.train.TrainingListener;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Resuming runs from the Runs tab of the real window, headless: a run stopped after its first
 * of two epochs resumes, the dashboard follows it, its epochs.csv gains the missing epoch and
 * its model and evaluation reopen; then it trains one more epoch. A run another trainer holds
 * cannot be resumed, and one whose data changed says so instead of training.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ResumeWindowTest {

    static final String STOPPED = "20261124-100000-mlp";
    static final String CHANGED = "20261124-090000-mlp";

    @TempDir
    static Path dir;
    /** A project folder holding an MLP run on mnist-mini, stopped after epoch 1 of 2, and a copy whose data changed. */
    static Path project;

    private WindowHarness window;
    private WorkbenchModel model;

    @BeforeAll
    static void trainAndStopAfterTheFirstEpoch() throws Exception {
        project = dir.resolve("digits").toAbsolutePath();
        NetworkSpec mlp = Templates.find("mlp").orElseThrow().spec();
        NetworkSpec spec = mlp.withTraining(mlp.training().withEpochs(2));
        ProjectFiles.save(new Project("digits", spec, "mnist-mini", project));
        Path runs = project.resolve("runs");
        TrainingRun run = TrainingRun.start(spec, Datasets.open("mnist-mini"), "mnist-mini",
                runs.resolve(STOPPED), null, "CPU");
        run.execute(new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent event) {
                run.trainer().control().stop(); // as the Stop button would, during epoch 1
            }
        }, CurvesChart.FILES, warning -> { });
        RunFolder stopped = RunFolder.open(runs.resolve(STOPPED));
        assertThat(stopped.readSummary().status()).isEqualTo(RunSummary.STOPPED);
        assertThat(stopped.readEpochs()).hasSize(1);

        Path changed = runs.resolve(CHANGED);
        try (var files = Files.walk(stopped.dir())) {
            for (Path p : files.toList()) {
                Path to = changed.resolve(stopped.dir().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Files.deleteIfExists(changed.resolve(RunLock.FILE));
        Path description = changed.resolve(RunFolder.DATASET);
        var tree = (ObjectNode) Json.mapper().readTree(description.toFile());
        tree.put("fingerprint", "sha256:0000");
        Files.writeString(description, Json.mapper().writeValueAsString(tree));
    }

    @Start
    void start(Stage stage) throws Exception {
        window = WindowHarness.withSettingsIn(dir, stage);
        model = window.model();
    }

    @AfterEach
    void stopBackground() {
        window.close();
    }

    private void settle() throws Exception {
        window.settle(6); // results reach the FX thread, which may start more background work
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    private static Button button(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryButton();
    }

    /** Opens the project, shows the Runs tab and selects the run named {@code name}. */
    private RunsView openRuns(FxRobot robot, String name) throws Exception {
        settle();
        robot.interact(() -> model.openProject(project));
        settle();
        robot.interact(() -> robot.lookup("#" + MainWindow.TABS_ID).queryAs(TabPane.class).getSelectionModel()
                .select(6));
        settle();
        select(robot, name);
        return (RunsView) robot.lookup("#" + RunsView.ID).query().getUserData();
    }

    private void select(FxRobot robot, String name) throws Exception {
        TableView<?> table = robot.lookup("#" + RunsView.TABLE_ID).queryTableView();
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (((RunEntry) table.getItems().get(i)).name().equals(name)) {
                    table.getSelectionModel().select(i);
                }
            }
        });
        settle();
    }

    @Test
    void aStoppedRunResumesInTheDashboardThenTrainsOneMoreEpoch(FxRobot robot) throws Exception {
        RunsView runs = openRuns(robot, STOPPED);
        DashboardView dashboard = (DashboardView) robot.lookup("#" + DashboardView.ID).query().getUserData();
        TrainAction training = dashboard.training();
        RunFolder run = RunFolder.open(project.resolve("runs").resolve(STOPPED));
        assertThat(text(robot, ResumeBar.HINT_ID)).isEqualTo("Resume continues after epoch 1 of 2.");
        assertThat(button(robot, ResumeBar.RESUME_ID).isDisabled()).isFalse();

        robot.clickOn("#" + ResumeBar.RESUME_ID);
        await(120, training::isRunning);
        robot.interact(training::pause); // Pause acts on a resumed run as on a new one; it cannot end meanwhile
        assertThat(robot.lookup("#" + MainWindow.TABS_ID).queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getText()).isEqualTo("Dashboard");
        assertThat(button(robot, ResumeBar.RESUME_ID).isDisabled()).isTrue(); // this window trains it
        assertThat(button(robot, ResumeBar.MORE_ID).isDisabled()).isTrue();
        assertThat(training.isRunning()).isTrue();
        robot.interact(training::resume);
        await(180, () -> training.sessionProperty().get().outcome() != null);

        assertThat(training.sessionProperty().get().result()).as(training.sessionProperty().get().outcome())
                .isNotNull();
        assertThat(text(robot, "dashboard-status")).startsWith("Completed: test accuracy");
        assertThat(dashboard.iterations()).isNotEmpty();
        assertThat(dashboard.iterations()).allSatisfy(i -> assertThat(i.epoch()).isEqualTo(2));
        assertThat(run.readEpochs()).extracting(EpochEvent::epoch).containsExactly(1, 2);
        assertThat(run.readSummary().status()).isEqualTo(RunSummary.COMPLETED);
        assertThat(run.trainingProcess()).isEmpty();
        await(60, () -> text(robot, PredictionPane.MODEL_ID).startsWith("Model: mlp, run " + STOPPED
                + ", test accuracy ") && text(robot, PredictionPane.MODEL_ID).contains("(saved when the run ended)"));
        assertThat(text(robot, "evaluation-summary")).startsWith("Test accuracy ").contains("of 2,000");

        // finished now: Resume has nothing left to do, one more epoch trains it longer
        robot.interact(() -> robot.lookup("#" + MainWindow.TABS_ID).queryAs(TabPane.class).getSelectionModel()
                .select(6));
        settle();
        select(robot, STOPPED);
        assertThat(runs.selection()).extracting(RunEntry::status).containsExactly(RunSummary.COMPLETED);
        assertThat(button(robot, ResumeBar.RESUME_ID).isDisabled()).isTrue();
        assertThat(text(robot, ResumeBar.HINT_ID)).isEqualTo("All its epochs are done: train more to continue it.");
        assertThat(button(robot, ResumeBar.MORE_ID).getText()).isEqualTo("Train 1 more epoch");
        robot.clickOn("#" + ResumeBar.MORE_ID);
        await(120, training::isRunning);
        await(180, () -> !training.isRunning());
        assertThat(training.sessionProperty().get().result()).as(training.sessionProperty().get().outcome())
                .isNotNull();
        assertThat(run.readEpochs()).extracting(EpochEvent::epoch).containsExactly(1, 2, 3);
        assertThat(run.readSpec().training().epochs()).isEqualTo(3);
    }

    @Test
    void aRunBeingTrainedElsewhereCannotBeResumedAndChangedDataIsRefusedWithAMessage(FxRobot robot)
            throws Exception {
        RunFolder stopped = RunFolder.open(project.resolve("runs").resolve(STOPPED));
        try (RunLock held = stopped.lock()) { // as a command line training it would
            openRuns(robot, STOPPED);
            assertThat(button(robot, ResumeBar.RESUME_ID).isDisabled()).isTrue();
            assertThat(button(robot, ResumeBar.MORE_ID).isDisabled()).isTrue();
            assertThat(text(robot, ResumeBar.HINT_ID)).contains("this run is being trained by this workbench (pid "
                    + ProcessHandle.current().pid() + ")");
        }

        select(robot, CHANGED);
        assertThat(button(robot, ResumeBar.RESUME_ID).isDisabled()).isFalse();
        robot.clickOn("#" + ResumeBar.RESUME_ID);
        settle();
        assertThat(text(robot, RunsView.NOTE_ID)).startsWith("Could not resume " + CHANGED + ": mnist-mini: the data "
                + "changed since the run started (fingerprint ").endsWith("Start a new run instead")
                .doesNotContain("Exception");
        assertThat(RunFolder.open(project.resolve("runs").resolve(CHANGED)).readEpochs()).hasSize(1);
        assertThat(button(robot, ResumeBar.RESUME_ID).isDisabled()).isFalse();
    }
}

package org.dl4jworkbench.app.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.dl4jworkbench.app.charts.RunFixtures;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.project.ProjectFiles;
import org.dl4jworkbench.core.run.TrainingRun;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WindowHarness;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.evaluation.EvaluationView;
import org.dl4jworkbench.app.ui.predict.PredictionPane;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.run.RunEntry;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.train.TrainingListener;
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
 * Past runs through the real window, headless: a reopened project shows its latest finished
 * run in Predict and Evaluation; runs made before the first save move with the project.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunsWindowTest {

    @TempDir
    static Path dir;
    /** A project folder holding one real run: an MLP trained one epoch on mnist-mini. */
    static Path trained;

    private WindowHarness window;
    private WorkbenchModel model;
    private Stage stage;

    @BeforeAll
    static void trainOnce() throws Exception {
        trained = dir.resolve("digits").toAbsolutePath();
        NetworkSpec mlp = Templates.find("mlp").orElseThrow().spec();
        NetworkSpec spec = mlp.withTraining(mlp.training().withEpochs(1));
        ProjectFiles.save(new Project("digits", spec, "mnist-mini", trained));
        TrainingRun.start(spec, Datasets.open("mnist-mini"), "mnist-mini",
                trained.resolve("runs").resolve("20261124-100000-mlp"), null, "CPU")
                .execute(new TrainingListener() { }, org.dl4jworkbench.app.charts.CurvesChart.FILES, warning -> { });
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
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

    @Test
    void reopeningAProjectShowsItsLatestFinishedRunInPredictAndEvaluation(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> model.openProject(trained));
        settle();

        Label summary = robot.lookup("#evaluation-summary").queryAs(Label.class);
        assertThat(summary.getText()).startsWith("Test accuracy ").contains("of 2,000");
        assertThat(robot.lookup("#" + EvaluationView.ABOUT_ID).queryAs(Label.class).getText())
                .isEqualTo("Run 20261124-100000-mlp on mnist-mini.");
        assertThat(robot.lookup("#" + PredictionPane.MODEL_ID).queryAs(Label.class).getText())
                .matches("Model: mlp, run 20261124-100000-mlp, test accuracy \\d+\\.\\d%"
                        + " \\(the project's latest run\\) \\(28x28x1, 10 classes\\)"); // opened by the pane alone
        TableView<?> table = robot.lookup("#" + RunsView.TABLE_ID).queryTableView();
        assertThat(table.getSelectionModel().getSelectedItems()).hasSize(1);

        // the gallery has the run's test images: a mistake shows with its position in the test set
        robot.interact(() -> robot.lookup("#" + MainWindow.TABS_ID).queryAs(TabPane.class).getSelectionModel()
                .select(4));
        assertThat(robot.lookup("#gallery-title").queryAs(Label.class).getText())
                .isEqualTo("Click a cell to see its images.");
        var view = (EvaluationView) robot.lookup("#" + EvaluationView.ID).query().getUserData();
        robot.interact(() -> view.showCell(4, 4));
        settle(); // the gallery's images are made in the background
        FlowPane gallery = robot.lookup("#" + EvaluationView.GALLERY_ID).queryAs(FlowPane.class);
        assertThat(gallery.getChildren()).isNotEmpty();
        assertThat((String) gallery.getChildren().get(0).getUserData()).startsWith("test image #");
    }

    @Test
    void runsOfAnUnsavedProjectMoveWithItsFirstSaveAndTheListShowsThem(FxRobot robot) throws Exception {
        settle();
        Path scratch = model.projectProperty().get().runsFolder();
        assertThat(scratch.startsWith(Path.of("").toAbsolutePath().resolve("runs"))).isFalse();
        RunFixtures.write(scratch.resolve("20261124-120000-lenet"), RunFixtures.Options.of("lenet", 2, 30));
        Path folder = dir.resolve("saved-later").toAbsolutePath();

        robot.interact(() -> model.save(folder, "saved-later"));
        settle();
        robot.interact(() -> robot.lookup("#" + MainWindow.TABS_ID).queryAs(TabPane.class).getSelectionModel()
                .select(6));
        settle();

        assertThat(folder.resolve("runs").resolve("20261124-120000-lenet")).isDirectory();
        assertThat(scratch).doesNotExist();
        TableView<?> table = robot.lookup("#" + RunsView.TABLE_ID).queryTableView();
        assertThat(table.getItems()).extracting(e -> ((RunEntry) e).name()).containsExactly("20261124-120000-lenet");
        assertThat(ProjectFiles.load(folder).runsFolder()).isEqualTo(folder.resolve("runs"));

        // the detail shows only runs in the list: a run deleted meanwhile leaves it on the next refresh
        var runs = (RunsView) robot.lookup("#" + RunsView.ID).query().getUserData();
        robot.interact(() -> table.getSelectionModel().select(0));
        settle();
        assertThat(runs.charted()).hasSize(1);
        try (var files = Files.walk(folder.resolve("runs").resolve("20261124-120000-lenet"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        robot.interact(runs::refresh);
        settle();
        assertThat(runs.entries()).isEmpty();
        assertThat(runs.charted()).isEmpty();
    }
}

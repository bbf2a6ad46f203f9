package org.dl4jworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dl4jworkbench.app.ui.WindowHarness.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.dashboard.DashboardView;
import org.dl4jworkbench.app.ui.predict.PredictionPane;
import org.dl4jworkbench.core.predict.MnistModelFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Training from the real window, headless (Monocle): LeNet on mnist-mini, the dashboard's
 * chart receiving points, pause (the iterations stop), resume (they go on), stop (the run
 * ends, keeping its model), then that model predicting a real MNIST digit in the prediction
 * pane, first from a snapshot while the run trains; the curves export as CSV and PNG.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardWindowTest {

    @TempDir
    Path dir;

    private WindowHarness window;
    private WorkbenchModel model;
    private TrainAction training;

    @Start
    void start(Stage stage) {
        window = WindowHarness.withDefaultProject(stage);
        model = window.model();
    }

    @AfterEach
    void stopBackground() {
        window.close();
    }

    /** Waits (polling on the FX thread) until {@code condition}, {@code what} the test waits for, holds. */
    private static void await(String what, int seconds, Callable<Boolean> condition) throws Exception {
        WindowHarness.await(seconds, condition);
    }

    private static int points(DashboardView dashboard) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> dashboard.iterations().size()).get();
    }

    private static <T> T owner(FxRobot robot, String id, Class<T> type) {
        return type.cast(robot.lookup(id).query().getUserData());
    }

    @Test
    void trainPauseResumeStopThenPredictADigitWithTheRunsModel(FxRobot robot) throws Exception {
        window.settle(); // the dataset has loaded
        robot.interact(() -> model.projectProperty().set(model.projectProperty().get().savedAs("dashboard-test",
                dir)));
        DashboardView dashboard = owner(robot, "#" + DashboardView.ID, DashboardView.class);
        PredictionPane prediction = owner(robot, "#" + PredictionPane.ID, PredictionPane.class);
        training = dashboard.training();

        robot.clickOn("#" + MainWindow.TRAIN_ID);
        assertThat(robot.lookup("#" + MainWindow.TABS_ID).queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getText()).isEqualTo("Dashboard");
        await("points on the chart", 60, () -> dashboard.iterations().size() >= 3);
        assertThat(dashboard.iterations().get(0).loss()).isPositive();
        assertThat(dashboard.iterations()).allSatisfy(r -> assertThat(r.learningRate()).isPositive());

        // While it trains, the prediction pane predicts from a snapshot of the network.
        robot.interact(prediction::useTrainingSnapshot);
        await("a snapshot model", 60, () -> text(robot, "#" + PredictionPane.MODEL_ID).contains("in training"));

        robot.clickOn("#pause");
        await("paused", 30, () -> text(robot, "#dashboard-status").endsWith("(paused)"));
        Thread.sleep(1000); // the dashboard polls every 400 ms: let it take the last points before the pause
        WaitForAsyncUtils.waitForFxEvents();
        int paused = points(dashboard);
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500); // the dashboard polls every 400 ms: it has looked again meanwhile
        assertThat(points(dashboard)).isEqualTo(paused);
        assertThat(robot.lookup("#pause").queryButton().getText()).isEqualTo("Resume");

        robot.clickOn("#pause");
        await("iterations after resuming", 60, () -> dashboard.iterations().size() >= paused + 2);

        robot.clickOn("#stop");
        await("the run's end", 120, () -> training().sessionProperty().get().result() != null);
        assertThat(text(robot, "#dashboard-status")).startsWith("Stopped: test accuracy");
        Button pause = robot.lookup("#pause").queryButton();
        assertThat(pause.isDisabled()).isTrue();
        Path saved = training().sessionProperty().get().model();
        assertThat(saved).isNotNull();
        assertThat(Files.isRegularFile(saved)).isTrue();
        assertThat(saved.startsWith(dir)).isTrue();

        // The curves export (what Export does once the file chooser returns), written in the background.
        Path csv = dir.resolve("curves.csv");
        Path png = dir.resolve("curves.png");
        int[] rows = new int[1];
        robot.interact(() -> {
            rows[0] = 1 + dashboard.iterations().size() + dashboard.epochs().size(); // what the chart holds now
            dashboard.exportCsv(csv);
        });
        robot.interact(() -> dashboard.exportPng(png));
        window.settle();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("kind,step,loss,learning_rate,train_accuracy,validation_loss,"
                + "validation_accuracy");
        assertThat(lines).hasSize(rows[0]);
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isPositive();
        assertThat(text(robot, "#dashboard-status")).isEqualTo("Saved " + png);

        // The stopped run's model goes to the prediction pane; a real test digit gets three classes.
        await("the run's model in the prediction pane", 60,
                () -> text(robot, "#" + PredictionPane.MODEL_ID).contains("(saved when the run ended)"));
        Path digit = MnistModelFixture.writeDigit(model.datasetProperty().get().test(), 0, dir.resolve("digit.png"));
        robot.interact(() -> prediction.open(List.of(digit)));
        await("a prediction", 60, () -> prediction.results().stream().anyMatch(n -> n instanceof HBox));
        var row = (HBox) prediction.results().stream().filter(n -> n instanceof HBox).findFirst().orElseThrow();
        var bars = (VBox) row.getChildren().get(1);
        assertThat(bars.getChildren()).hasSize(1 + 3); // the file name, then three classes
        for (Node bar : bars.getChildren().subList(1, 4)) {
            String percent = ((Label) ((HBox) bar).getChildren().get(2)).getText();
            assertThat(percent).matches("\\d+\\.\\d%");
        }
    }

    private TrainAction training() {
        return training;
    }
}

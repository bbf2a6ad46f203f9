package org.dl4jworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dl4jworkbench.app.ui.WindowHarness.await;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.dashboard.DashboardView;
import org.dl4jworkbench.app.ui.predict.PredictionItem;
import org.dl4jworkbench.app.ui.predict.PredictionPane;
import org.dl4jworkbench.core.predict.ClassProbability;
import org.dl4jworkbench.core.predict.MnistModelFixture;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.Template;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A template with a dropout layer, from the real window, headless: mnist-cnn chosen in File >
 * New from template, trained on mnist-mini from the Train button and stopped after a few
 * minibatches (the run saves its model), then that saved model predicts a real digit in the
 * Predict tab and the Evaluation tab shows the run's evaluation. The prediction pane once
 * refused such models ("layer 'dropout1' expects 0 inputs ..."), so the pane had no model.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DropoutTemplateWindowTest {

    private static final String TEMPLATE = "mnist-cnn";
    private static final int PREDICT_TAB = 5;
    private static final int EVALUATION_TAB = 4;

    @TempDir
    Path dir;

    private WindowHarness window;
    private WorkbenchModel model;

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
        window.settle(4); // results reach the FX thread, which may start more background work
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    private static <T> T owner(FxRobot robot, String id, Class<T> type) {
        return type.cast(robot.lookup("#" + id).query().getUserData());
    }

    private static void selectTab(FxRobot robot, int index) {
        robot.interact(() -> robot.lookup("#" + MainWindow.TABS_ID).queryAs(TabPane.class).getSelectionModel()
                .select(index));
    }

    @Test
    void mnistCnnTrainsStopsThenItsSavedModelPredictsADigitAndItsEvaluationShows(FxRobot robot) throws Exception {
        settle();
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<Template> list = robot.lookup("#" + TemplateChooser.LIST_ID).queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(t -> t.id().equals(TEMPLATE)).findFirst().orElseThrow()));
        robot.type(KeyCode.ENTER);
        settle();
        assertThat(model.project().spec().name()).isEqualTo(TEMPLATE);
        assertThat(model.project().spec().layers()).anyMatch(l -> l instanceof DropoutSpec);
        // saved, so its runs go into this test's folder (the Save As dialog is the system's, not ours)
        robot.interact(() -> model.projectProperty().set(model.projectProperty().get().savedAs("digits", dir)));
        await(60, () -> !robot.lookup("#" + MainWindow.TRAIN_ID).queryAs(Button.class).isDisabled());

        DashboardView dashboard = owner(robot, DashboardView.ID, DashboardView.class);
        TrainAction training = dashboard.training();
        robot.clickOn("#" + MainWindow.TRAIN_ID);
        await(60, () -> dashboard.iterations().size() >= 3);
        robot.clickOn("#stop");
        await(120, () -> training.sessionProperty().get().outcome() != null);
        var session = training.sessionProperty().get();
        assertThat(session.result()).as(session.outcome()).isNotNull();
        assertThat(text(robot, "dashboard-status")).startsWith("Stopped: test accuracy");
        Path saved = session.model();
        assertThat(saved).isNotNull().isRegularFile();
        assertThat(saved.startsWith(dir)).isTrue();

        // the Predict tab: the model the run saved, reopened from its file, predicts a real digit
        selectTab(robot, PREDICT_TAB);
        PredictionPane prediction = owner(robot, PredictionPane.ID, PredictionPane.class);
        await(60, () -> prediction.model().busyProperty().get() == 0
                && !prediction.model().descriptionProperty().get().contains("in training"));
        String run = saved.getParent().getFileName().toString();
        assertThat(text(robot, PredictionPane.MODEL_ID)).startsWith("Model: " + TEMPLATE + ", run " + run
                + ", test accuracy ").contains("(saved when the run ended)");
        Path digit = MnistModelFixture.writeDigit(model.datasetProperty().get().test(), 0, dir.resolve("digit.png"));
        robot.interact(() -> prediction.open(List.of(digit)));
        await(60, () -> !prediction.model().items().isEmpty() && prediction.model().busyProperty().get() == 0);
        List<PredictionItem> items = List.copyOf(prediction.model().items());
        assertThat(items).as("a prediction, not a message").hasSize(1)
                .allMatch(i -> i instanceof PredictionItem.Shown);
        var shown = (PredictionItem.Shown) items.get(0);
        assertThat(shown.source()).isEqualTo(digit.toString());
        assertThat(shown.top()).hasSize(3).extracting(ClassProbability::name)
                .allMatch(name -> model.datasetProperty().get().classNames().contains(name));

        // the Evaluation tab: the run's evaluation on the test images it was trained with
        selectTab(robot, EVALUATION_TAB);
        assertThat(text(robot, "evaluation-summary")).startsWith("Test accuracy ")
                .contains(String.format(java.util.Locale.ROOT, "of %,d", session.result().test().total()));
        assertThat(session.result().test().total()).isEqualTo(model.datasetProperty().get().test().size());
        assertThat(robot.lookup("#per-class").tryQuery()).isPresent();
    }
}

package org.dl4jworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dl4jworkbench.app.ui.WindowHarness.text;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.ui.fields.NumberField;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.Optimizer;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Numbers typed wrong in the real window: each field says so, nothing is applied, Train says why it waits. */
@ExtendWith(ApplicationExtension.class)
class FieldsWindowTest {

    private static final String LR_EXPECTS = "Learning rate: expected a number above 0 and at most 10, found ";

    private WindowHarness window;
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previous;
    private WorkbenchModel model;

    @Start
    void start(Stage stage) {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e)); // the FX thread
        window = WindowHarness.withDefaultProject(stage);
        model = window.model();
    }

    @AfterEach
    void stop() {
        window.close();
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    private void awaitDataset() throws Exception {
        window.settle();
    }

    private static TextField editorOf(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return node instanceof Spinner<?> s ? s.getEditor() : (TextField) node;
    }

    /** Clicks into the field, selects what is there and types {@code text} over it, then leaves with Tab. */
    private static void typeInto(FxRobot robot, String id, String text) {
        TextField field = editorOf(robot, id);
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void selectTab(FxRobot robot, int index) {
        TabPane tabs = robot.lookup("#" + MainWindow.TABS_ID).queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(index));
    }

    @Test
    void wrongNumbersAreRefusedKeptAndNamedByTrainUntilFixed(FxRobot robot) throws Exception {
        awaitDataset();
        Button train = robot.lookup("#" + MainWindow.TRAIN_ID).queryButton();
        assertThat(train.isDisabled()).isFalse();

        selectTab(robot, 2); // Training
        assertThat(editorOf(robot, "#epochs").getPromptText()).isEqualTo("a whole number from 1 to 1,000");
        typeInto(robot, "#learning-rate", "abc");
        typeInto(robot, "#epochs", "lots");
        assertThat(text(robot, "#learning-rate-problem")).isEqualTo(LR_EXPECTS + "\"abc\"");
        assertThat(text(robot, "#epochs-problem")).isEqualTo("Epochs: expected a whole number from 1 to 1,000, "
                + "found \"lots\"");
        assertThat(editorOf(robot, "#learning-rate").getText()).isEqualTo("abc"); // the typing stays
        assertThat(editorOf(robot, "#epochs").getText()).isEqualTo("lots");
        assertThat(editorOf(robot, "#epochs").getStyleClass()).contains(NumberField.INVALID);

        typeInto(robot, "#batch-size", "0"); // out of range: refused, not clamped
        assertThat(text(robot, "#batch-size-problem")).isEqualTo("Batch size: expected a whole number from 1 to "
                + "4,096, found \"0\"");
        typeInto(robot, "#batch-size", "99999999999");
        assertThat(text(robot, "#batch-size-problem")).endsWith("found \"99999999999\"");
        assertThat(editorOf(robot, "#batch-size").getText()).isEqualTo("99999999999");

        selectTab(robot, 0); // Network
        robot.clickOn("#block-0"); // conv1
        typeInto(robot, "#conv-filters", "abc");
        assertThat(text(robot, "#conv-filters-problem")).isEqualTo("Filters of conv1: expected a whole number from "
                + "1 to 4,096, found \"abc\"");

        var t = model.editor().spec().training();
        assertThat(t.learningRate()).isEqualTo(0.002);
        assertThat(t.epochs()).isEqualTo(1);
        assertThat(t.batchSize()).isEqualTo(32);
        assertThat(((ConvolutionSpec) model.editor().spec().layers().get(0)).filters()).isEqualTo(20);
        assertThat(train.isDisabled()).isTrue();
        assertThat(text(robot, "#" + MainWindow.TRAIN_REASON_ID)).isEqualTo("Cannot train: " + LR_EXPECTS
                + "\"abc\" (and 3 more)");

        // a form rebuilt around the field (another optimizer adds momentum) keeps the refused text
        selectTab(robot, 2);
        ChoiceBox<Optimizer> optimizer = robot.lookup("#optimizer").queryAs(ChoiceBox.class);
        robot.interact(() -> optimizer.setValue(Optimizer.NESTEROV));
        assertThat(robot.lookup("#momentum").tryQuery()).isPresent();
        assertThat(editorOf(robot, "#learning-rate").getText()).isEqualTo("abc");
        assertThat(text(robot, "#learning-rate-problem")).isEqualTo(LR_EXPECTS + "\"abc\"");
        assertThat(text(robot, "#" + MainWindow.TRAIN_REASON_ID)).endsWith("(and 3 more)");

        typeInto(robot, "#learning-rate", "0.01");
        typeInto(robot, "#epochs", "3");
        typeInto(robot, "#batch-size", "64");
        assertThat(text(robot, "#" + MainWindow.TRAIN_REASON_ID)).isEqualTo("Cannot train: Filters of conv1: "
                + "expected a whole number from 1 to 4,096, found \"abc\"");
        selectTab(robot, 0);
        typeInto(robot, "#conv-filters", "32");

        assertThat(robot.lookup("#conv-filters-problem").queryAs(Label.class).isVisible()).isFalse();
        assertThat(train.isDisabled()).isFalse();
        assertThat(text(robot, "#" + MainWindow.TRAIN_REASON_ID)).isEmpty();
        t = model.editor().spec().training();
        assertThat(t.optimizer()).isEqualTo(Optimizer.NESTEROV);
        assertThat(t.learningRate()).isEqualTo(0.01);
        assertThat(t.epochs()).isEqualTo(3);
        assertThat(t.batchSize()).isEqualTo(64);
        assertThat(((ConvolutionSpec) model.editor().spec().layers().get(0)).filters()).isEqualTo(32);
        assertThat(model.editor().fieldProblems().isEmpty()).isTrue();
        assertThat(uncaught).isEmpty();
    }

    @Test
    void spinnerArrowsStepWithinTheRangeAndLeavingAFieldShowsAnotherBlockWithoutItsProblem(FxRobot robot)
            throws Exception {
        awaitDataset();
        robot.clickOn("#block-2"); // conv2, kernel 5
        Spinner<?> kernel = robot.lookup("#conv-kernel").queryAs(Spinner.class);
        robot.interact(() -> kernel.increment(2));
        assertThat(((ConvolutionSpec) model.editor().spec().layers().get(2)).kernel().height()).isEqualTo(7);
        assertThat(kernel.getEditor().getText()).isEqualTo("7");
        typeInto(robot, "#conv-kernel", "40");
        assertThat(text(robot, "#conv-kernel-problem")).isEqualTo("Kernel of conv2: expected a whole number from 1 "
                + "to 31, found \"40\"");
        assertThat(model.editor().fieldProblems().size()).isEqualTo(1);
        robot.clickOn("#block-0"); // the inspector shows conv1: conv2's refused text is let go
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.editor().fieldProblems().isEmpty()).isTrue();
        assertThat(robot.lookup("#" + MainWindow.TRAIN_ID).queryButton().isDisabled()).isFalse();
        assertThat(((ConvolutionSpec) model.editor().spec().layers().get(2)).kernel().height()).isEqualTo(7);
        assertThat(uncaught).isEmpty();
    }

    @Test
    void openingAnotherProjectLetsGoOfTextTypedForTheOldOne(FxRobot robot) throws Exception {
        awaitDataset();
        selectTab(robot, 2);
        typeInto(robot, "#epochs", "lots");
        selectTab(robot, 1); // Dataset
        typeInto(robot, "#validation-share", "90 %");
        assertThat(text(robot, "#validation-share-problem")).isEqualTo("Validation share: expected a number from "
                + "0 % to 50 %, found \"90 %\"");
        assertThat(model.editor().fieldProblems().size()).isEqualTo(2);
        var lenet = Templates.find("lenet").orElseThrow(); // the same epochs and validation share as now
        robot.interact(() -> model.open(new Project("again", lenet.spec(), "mnist-mini", null)));
        awaitDataset();
        assertThat(model.editor().fieldProblems().isEmpty()).isTrue();
        assertThat(editorOf(robot, "#validation-share").getText()).isEqualTo("10 %");
        selectTab(robot, 2);
        assertThat(editorOf(robot, "#epochs").getText()).isEqualTo("1");
        assertThat(robot.lookup("#" + MainWindow.TRAIN_ID).queryButton().isDisabled()).isFalse();
        assertThat(uncaught).isEmpty();
    }
}

package org.dl4jworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dl4jworkbench.app.ui.WindowHarness.text;

import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.core.data.image.ImageFixtures;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The network editor driven through the real window, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class EditorWindowTest {

    private WindowHarness window;
    private WorkbenchModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = WindowHarness.withDefaultProject(stage);
        model = window.model();
    }

    @AfterEach
    void stopBackground() {
        window.close();
    }

    private void awaitDataset() throws Exception {
        window.settle(); // after the queued load has finished
    }

    @Test
    void opensOnLenetWithEveryBlocksShapeAndTheTrainButtonReady(FxRobot robot) throws Exception {
        awaitDataset();
        assertThat(stage.getTitle()).isEqualTo("DL4J Workbench - lenet");
        assertThat(text(robot, "#shape-input")).isEqualTo("output 28x28x1");
        assertThat(text(robot, "#shape-0")).isEqualTo("output 24x24x20");
        assertThat(text(robot, "#shape-3")).isEqualTo("output 4x4x50");
        assertThat(text(robot, "#shape-output")).isEqualTo("output 10");
        assertThat(text(robot, "#total-parameters")).isEqualTo("431,080 parameters");
        assertThat(robot.lookup("#" + MainWindow.TRAIN_ID).queryButton().isDisabled()).isFalse();
    }

    @Test
    void draggingAConvolutionIntoTheNetworkChangesTheShapesBelowIt(FxRobot robot) throws Exception {
        awaitDataset();
        // drop on the upper edge of pool1: the new layer lands between conv1 and pool1
        robot.drag("#palette-convolution").dropTo(robot.point("#block-1").atPosition(Pos.TOP_CENTER));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.editor().spec().layers().get(1)).isInstanceOf(ConvolutionSpec.class);
        assertThat(model.editor().spec().layers().get(1).name()).isEqualTo("conv3");
        assertThat(text(robot, "#shape-1")).isEqualTo("output 24x24x32"); // the new block
        assertThat(text(robot, "#shape-2")).isEqualTo("output 12x12x32"); // pool1 now pools 32 channels
        assertThat(text(robot, "#total-parameters")).isEqualTo(String.format("%,d parameters",
                431_080 + (3 * 3 * 20 * 32 + 32) + (5 * 5 * 32 * 50 - 5 * 5 * 20 * 50)));
        assertThat(model.editor().selected()).isEqualTo(1);
    }

    @Test
    void anInvalidNetworkTurnsItsBlockRedSaysWhyAndUndoRedoWork(FxRobot robot) throws Exception {
        awaitDataset();
        robot.clickOn("#block-2"); // conv2
        Spinner<?> kernel = robot.lookup("#conv-kernel").queryAs(Spinner.class);
        robot.interact(() -> kernel.getEditor().setText("13"));
        WaitForAsyncUtils.waitForFxEvents();
        Node conv2 = robot.lookup("#block-2").query();
        assertThat(conv2.getStyleClass()).contains("block-error");
        ListView<?> problems = robot.lookup("#problems").queryListView();
        assertThat(problems.getItems()).hasSize(1);
        assertThat(problems.getItems().get(0).toString()).startsWith("Layer 'conv2': kernel 13x13 is larger than "
                + "its 12x12x20 input");
        Button train = robot.lookup("#" + MainWindow.TRAIN_ID).queryButton();
        assertThat(train.isDisabled()).isTrue();
        assertThat(text(robot, "#" + MainWindow.TRAIN_REASON_ID)).startsWith("Cannot train: Layer 'conv2': kernel");

        robot.clickOn("#block-0");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL); // undo
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((ConvolutionSpec) model.editor().spec().layers().get(2)).kernel().height()).isEqualTo(5);
        assertThat(robot.lookup("#block-2").query().getStyleClass()).doesNotContain("block-error");
        assertThat(train.isDisabled()).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL); // redo
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((ConvolutionSpec) model.editor().spec().layers().get(2)).kernel().height()).isEqualTo(13);
        assertThat(robot.lookup("#block-2").query().getStyleClass()).contains("block-error");
    }

    @Test
    void draggingABlockReordersTheNetwork(FxRobot robot) throws Exception {
        awaitDataset();
        robot.drag("#block-1").dropTo(robot.point("#block-0").atPosition(Pos.TOP_CENTER)); // pool1 above conv1
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.editor().spec().layers()).extracting(l -> l.name())
                .containsExactly("pool1", "conv1", "conv2", "pool2", "dense1");
        assertThat(text(robot, "#shape-0")).isEqualTo("output 14x14x1");
        assertThat(model.editor().undoTextProperty().get()).isEqualTo("Undo Move pool1");
    }

    @Test
    void typingInASpinnerIsOneUndoStepAndThePaletteWorksFromTheKeyboard(FxRobot robot) throws Exception {
        awaitDataset();
        robot.clickOn("#block-0");
        Spinner<?> filters = robot.lookup("#conv-filters").queryAs(Spinner.class);
        robot.interact(() -> {
            filters.getEditor().setText("3");
            filters.getEditor().setText("32");
            filters.getEditor().setText("320");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#shape-0")).isEqualTo("output 24x24x320");
        robot.interact(model.editor()::undo);
        assertThat(text(robot, "#shape-0")).isEqualTo("output 24x24x20"); // all three keystrokes undone at once

        robot.interact(() -> robot.lookup("#palette-dropout").query().requestFocus());
        robot.type(KeyCode.ENTER); // inserts after the selected block, conv1
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.editor().spec().layers().get(1).name()).isEqualTo("dropout1");
    }

    @Test
    void deleteKeyRemovesTheSelectedLayerAndUndoBringsItBack(FxRobot robot) throws Exception {
        awaitDataset();
        robot.interact(() -> {
            model.editor().select(4); // dense1, below the fold of the canvas
            robot.lookup("#network-canvas").query().requestFocus();
        });
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.editor().spec().layers()).hasSize(4);
        assertThat(text(robot, "#total-parameters")).isEqualTo(String.format("%,d parameters",
                520 + 25_050 + 800 * 10 + 10));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.editor().spec().layers()).hasSize(5);
    }

    @Test
    void aDatasetWithOtherClassesFlagsTheOutputLayer(FxRobot robot, @TempDir Path dir) throws Exception {
        awaitDataset();
        Path pets = ImageFixtures.catsAndDogs(dir.resolve("pets"), 6, false, 1);
        robot.interact(() -> model.loadDataset("folder:" + pets));
        awaitDataset();
        assertThat(model.datasetProperty().get().classNames()).containsExactly("cats", "dogs");
        Node output = robot.lookup("#block-output").query();
        assertThat(output.getStyleClass()).contains("block-error");
        assertThat(robot.lookup("#problems").queryListView().getItems().get(0).toString())
                .contains("has 10 classes but dataset 'folder:" + pets + "' has 2");
        assertThat(model.editor().selected()).isEqualTo(EditorModel.NONE);
    }
}

package org.dl4jworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.ui.editor.NetworkCanvas;
import org.dl4jworkbench.core.spec.Template;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Zoom and Fit of the network canvas, in the real window. */
@ExtendWith(ApplicationExtension.class)
class CanvasZoomWindowTest {

    private WindowHarness harness;
    private WorkbenchModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        harness = WindowHarness.withDefaultProject(stage);
        model = harness.model();
        window = harness.window();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private void openTemplate(FxRobot robot, String id) throws Exception {
        Template t = Templates.find(id).orElseThrow();
        robot.interact(() -> model.open(new Project(t.id(), t.spec(), "mnist-mini", null)));
        harness.settle();
    }

    /** Whether every block lies wholly inside the canvas's visible area. */
    private boolean allBlocksInView(NetworkCanvas canvas) {
        Node view = canvas.viewport().lookup(".viewport");
        Bounds visible = view.localToScene(view.getLayoutBounds());
        for (int i = EditorModel.INPUT; i <= model.editor().outputBlock(); i++) {
            Node block = canvas.block(i);
            Bounds b = block.localToScene(block.getLayoutBounds());
            if (b.getMinY() < visible.getMinY() - 0.5 || b.getMaxY() > visible.getMaxY() + 0.5
                    || b.getMinX() < visible.getMinX() - 0.5 || b.getMaxX() > visible.getMaxX() + 0.5) {
                return false;
            }
        }
        return true;
    }

    @Test
    void fitShowsEveryBlockOfALongNetworkAnd100PercentGoesBack(FxRobot robot) throws Exception {
        openTemplate(robot, "cifar10-cnn");
        NetworkCanvas canvas = window.canvas();
        assertThat(model.editor().spec().layers()).hasSize(10);
        assertThat(allBlocksInView(canvas)).as("at 100%% the 12 blocks do not fit").isFalse();

        robot.clickOn("#canvas-fit");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.zoom()).isLessThan(1);
        assertThat(allBlocksInView(canvas)).isTrue();
        assertThat(robot.lookup("#canvas-zoom").queryAs(Label.class).getText())
                .isEqualTo(Math.round(canvas.zoom() * 100) + "%");

        robot.clickOn("#block-9"); // the last layer, dense 128, can be picked at this size
        assertThat(model.editor().selected()).isEqualTo(9);

        robot.clickOn("#canvas-actual");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.zoom()).isEqualTo(1);
        assertThat(allBlocksInView(canvas)).isFalse();
    }

    @Test
    void shortcutsAndButtonsZoomInAndOutWithinBounds(FxRobot robot) throws Exception {
        openTemplate(robot, "lenet");
        NetworkCanvas canvas = window.canvas();
        robot.interact(() -> robot.lookup("#" + NetworkCanvas.ID).query().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.zoom()).isLessThan(1);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        assertThat(canvas.zoom()).isEqualTo(1);
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.zoom()).isGreaterThan(1);
        for (int i = 0; i < 12; i++) {
            robot.clickOn("#canvas-zoom-out");
        }
        assertThat(canvas.zoom()).isEqualTo(0.2);
        assertThat(robot.lookup("#canvas-zoom").queryAs(Label.class).getText()).isEqualTo("20%");
        robot.clickOn("#canvas-zoom-in");
        assertThat(canvas.zoom()).isGreaterThan(0.2);
    }
}

package org.dl4jworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.dl4jworkbench.core.analysis.LayerInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window headless (Monocle): title, layer table, template switching, dataset status. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new MainWindow(new WorkbenchModel(), background).show(stage);
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    void opensOnLenetWithShapesAndParameters(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("DL4J Workbench - lenet");
        TableView<LayerInfo> layers = robot.lookup("#" + MainWindow.LAYERS_ID).queryTableView();
        assertThat(layers.getItems()).extracting(l -> l.outputShape().toString())
                .containsExactly("28x28x1", "24x24x20", "12x12x20", "8x8x50", "4x4x50", "500", "10");
        assertThat(robot.lookup("#" + MainWindow.TOTALS_ID).queryAs(Label.class).getText())
                .startsWith("Total parameters: 431,080");
    }

    @Test
    void choosingATemplateShowsItsNetwork(FxRobot robot) {
        ListView<?> templates = robot.lookup("#" + MainWindow.TEMPLATES_ID).queryListView();
        robot.clickOn("MLP (MNIST)");
        assertThat(templates.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(stage.getTitle()).isEqualTo("DL4J Workbench - mlp");
        assertThat(robot.lookup("#" + MainWindow.TOTALS_ID).queryAs(Label.class).getText())
                .startsWith("Total parameters: 118,282");
    }

    @Test
    void datasetIsLoadedInTheBackgroundAndSummarised(FxRobot robot) throws Exception {
        background.shutdown();
        assertThat(background.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#" + MainWindow.DATASET_ID).queryAs(Label.class).getText())
                .isEqualTo("Dataset mnist-mini: 10,000 training and 2,000 test images, 28x28x1, 10 classes");
    }
}

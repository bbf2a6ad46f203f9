package org.dl4jworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > New from template through the real window, headless: Escape cancels it, whatever has the focus. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TemplateChooserWindowTest {

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private WorkbenchModel model;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        model = new WorkbenchModel(background, Files.createTempDirectory(dir, "settings"));
        WorkbenchApp.useTheme(model.darkProperty());
        new MainWindow(model).show(stage);
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    void escapeInTheTemplateListCancelsTheDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        String title = stage.getTitle();
        NetworkSpec before = model.project().spec();
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#" + TemplateChooser.LIST_ID).queryListView();
        assertThat(list.isFocused()).as("the list has the focus, as when the dialog opens").isTrue();
        robot.interact(() -> list.getSelectionModel().select(0)); // another template chosen, then abandoned

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#" + TemplateChooser.LIST_ID).tryQuery()).isEmpty();
        assertThat(stage.getTitle()).isEqualTo(title);
        assertThat(model.project().spec()).isEqualTo(before);
    }

    @Test
    void enterInTheTemplateListTakesTheSelectedTemplate(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#" + TemplateChooser.LIST_ID).queryListView();
        robot.interact(() -> list.getSelectionModel().select(0)); // the first template: mlp

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#" + TemplateChooser.LIST_ID).tryQuery()).isEmpty();
        assertThat(model.project().spec().name()).isEqualTo("mlp");
    }
}

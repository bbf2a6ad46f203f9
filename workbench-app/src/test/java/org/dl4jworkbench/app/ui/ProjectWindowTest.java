package org.dl4jworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.project.ProjectFiles;
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

/** Projects through the real window, headless: save, reopen, unsaved changes, autosave, templates. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProjectWindowTest {

    @TempDir
    static Path dir;

    private WindowHarness window;
    private WorkbenchModel model;
    private Stage stage;
    private Path settings;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = WindowHarness.withSettingsIn(dir, stage);
        model = window.model();
        settings = window.settings();
    }

    @AfterEach
    void stopBackground() {
        window.close();
    }

    private void settle() throws Exception {
        window.settle(3); // background tasks hand their results to the FX thread, which may queue more
    }

    private void addDropoutFromThePalette(FxRobot robot) throws Exception {
        robot.clickOn("#block-3"); // pool2
        robot.interact(() -> robot.lookup("#palette-dropout").query().requestFocus());
        robot.type(KeyCode.ENTER); // inserts after the selected block
        settle();
    }

    @Test
    void aProjectSavedWithCtrlSReopensEqualInANewWindow(FxRobot robot) throws Exception {
        settle();
        Path folder = dir.resolve("digits").toAbsolutePath();
        robot.interact(() -> model.save(folder, "digits")); // what Save As does once the file chooser returns
        settle();
        assertThat(stage.getTitle()).isEqualTo("DL4J Workbench - digits");

        addDropoutFromThePalette(robot);
        assertThat(stage.getTitle()).isEqualTo("DL4J Workbench - digits *");
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        settle();
        assertThat(stage.getTitle()).isEqualTo("DL4J Workbench - digits");
        Project saved = model.project();
        assertThat(saved.spec().layers().get(4)).isInstanceOf(DropoutSpec.class);

        var other = new WorkbenchModel(window.background(), settings);
        robot.interact(() -> other.openProject(folder));
        settle();
        Project reopened = other.project();
        assertThat(reopened).isEqualTo(saved);
        assertThat(ProjectFiles.toJson(reopened)).isEqualTo(Files.readString(folder.resolve("project.json")));
        assertThat(other.isDirty()).isFalse();
        assertThat(other.recentProjects()).containsExactly(folder);
    }

    @Test
    void closingWithUnsavedChangesAsksAndDontSaveCloses(FxRobot robot) throws Exception {
        settle();
        addDropoutFromThePalette(robot);
        Platform.runLater(() -> ProjectMenus.requestClose(stage)); // the prompt waits for an answer
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue(); // the prompt holds the window open
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryLabeled().getText())
                .isEqualTo("Save the changes to \"lenet\"?");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();

        Platform.runLater(() -> ProjectMenus.requestClose(stage)); // the prompt waits for an answer
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Don't save");
        settle();
        assertThat(stage.isShowing()).isFalse();
    }

    @Test
    void runsTrainedInAnUnsavedProjectMakeItUnsavedAndItsFirstSaveKeepsThem(FxRobot robot) throws Exception {
        settle();
        assertThat(model.isDirty()).isFalse();
        robot.clickOn("#" + MainWindow.TRAIN_ID); // LeNet on mnist-mini, stopped at once: the run keeps its model
        robot.clickOn("#" + MainWindow.TRAIN_ID);
        javafx.scene.control.Button train = robot.lookup("#" + MainWindow.TRAIN_ID).queryButton();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> "Train".equals(train.getText()));
        settle();
        Path scratch = model.projectProperty().get().runsFolder();
        assertThat(Files.list(scratch).count()).as("runs in the unsaved project's scratch folder").isEqualTo(1);
        assertThat(model.isDirty()).as("a run waits for the project's first save").isTrue();
        assertThat(stage.getTitle()).endsWith("*");

        Platform.runLater(() -> ProjectMenus.requestClose(stage)); // closing asks first
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText())
                .contains("the runs trained in it");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();

        Path folder = dir.resolve("with-runs").toAbsolutePath();
        robot.interact(() -> model.save(folder, "with-runs")); // what Save As does once the file chooser returns
        settle();
        assertThat(model.isDirty()).isFalse();
        assertThat(Files.list(folder.resolve("runs")).count()).as("the run moved into the saved project").isEqualTo(1);
    }

    @Test
    void anEditIsAutosavedAndRecoveredAfterACrash(FxRobot robot) throws Exception {
        settle();
        Path folder = dir.resolve("crashing").toAbsolutePath();
        robot.interact(() -> model.save(folder, "crashing"));
        settle();
        addDropoutFromThePalette(robot);
        Thread.sleep(2_600); // the autosave follows an edit after 2 s
        settle();
        // the process dies here: nothing saved, the window never closed. A new workbench starts:
        var restarted = new WorkbenchModel(window.background(), settings);
        var found = new java.util.concurrent.atomic.AtomicReference<org.dl4jworkbench.app.ui.task.BackgroundTask<
                java.util.List<org.dl4jworkbench.app.project.Autosave.Recovery>>>();
        robot.interact(() -> found.set(restarted.findRecoveries()));
        settle();
        var recoveries = WaitForAsyncUtils.asyncFx(() -> found.get().value()).get();
        assertThat(recoveries).hasSize(1);
        assertThat(recoveries.get(0).project().folder()).isEqualTo(folder);
        robot.interact(() -> restarted.recover(recoveries.get(0)));
        settle();
        assertThat(restarted.project().spec()).isEqualTo(model.project().spec());
        assertThat(restarted.project().folder()).isEqualTo(folder);
        assertThat(restarted.isDirty()).isTrue(); // recovered, not yet saved
        robot.interact(restarted.editor()::undo); // the recovery is one undo step back to the saved project
        assertThat(restarted.isDirty()).isFalse();
    }

    @Test
    void newFromTemplateShowsEachTemplateWithItsReportedAccuracy(FxRobot robot) throws Exception {
        settle();
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<Template> list = robot.lookup("#" + TemplateChooser.LIST_ID).queryListView();
        assertThat(list.getItems()).extracting(Template::id).contains("mlp", "lenet", "cifar10-cnn", "cats-dogs");
        assertThat(robot.lookup("#template-lenet").lookup("Tutorial reported 99.0% accuracy on MNIST")
                .tryQuery()).isPresent();
        assertThat(robot.lookup("#template-lenet").lookup("From Deeplearning4j examples, LenetMnistExample")
                .tryQuery()).isPresent();
        assertThat(robot.lookup("#template-mlp").lookup("Tutorial reported 96.1% accuracy on MNIST")
                .tryQuery()).isPresent();
        robot.interact(() -> list.getSelectionModel().select(
                list.getItems().stream().filter(t -> t.id().equals("mlp")).findFirst().orElseThrow()));
        robot.clickOn("OK");
        settle();
        assertThat(stage.getTitle()).isEqualTo("DL4J Workbench - mlp");
        assertThat(model.project().spec().layers()).hasSize(2);
        assertThat(model.project().dataset()).isEqualTo("mnist-mini");
    }
}

package org.dl4jworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dl4jworkbench.app.ui.WindowHarness.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.ui.dashboard.DashboardView;
import org.dl4jworkbench.core.data.RealPhotos;
import org.dl4jworkbench.core.testing.SharedData;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.spec.Template;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Transfer learning from the real window, headless (Monocle), on 40 + 10 real photos of cats
 * and dogs (CIFAR-10's, from ../shared/data): the template chooser offers mobilenet-transfer
 * first for a folder of photos, the editor shows MobileNet as one locked block, Stop ends a
 * run before its features are computed, one epoch trains with the features' progress on the
 * dashboard and then curves; and without the
 * pretrained network installed the run says where to put it and leads to its card.
 */
@ExtendWith(ApplicationExtension.class)
class TransferWindowTest {

    @TempDir
    static Path dir;
    static Path photos;

    private WindowHarness window;
    private WorkbenchModel model;
    private Path data;
    private String dataBefore;
    private String cacheBefore;

    @BeforeAll
    static void photos() throws Exception {
        photos = RealPhotos.cifarFolder(dir.resolve("photos"), List.of("cat", "dog"), 20, 5);
    }

    @Start
    void start(Stage stage) throws Exception {
        dataBefore = System.getProperty("workbench.data");
        cacheBefore = System.getProperty("workbench.cache");
        data = Files.createTempDirectory(dir, "data"); // nothing installed yet
        System.setProperty("workbench.data", data.toString());
        System.setProperty("workbench.cache", Files.createTempDirectory(dir, "cache").toString());
        window = WindowHarness.withSettingsIn(dir, stage);
        model = window.model();
    }

    @AfterEach
    void stop() {
        window.close();
        restore("workbench.data", dataBefore);
        restore("workbench.cache", cacheBefore);
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    private static void await(int seconds, Callable<Boolean> condition) throws Exception {
        WindowHarness.await(seconds, condition);
    }

    /** The photo folder open, then File > New from template with the choice it offers first. */
    private void newTransferProjectOnThePhotos(FxRobot robot, String installedLine) throws Exception {
        window.settle();
        robot.interact(() -> model.loadDataset("folder:" + photos)); // what Choose folder or a drop does
        await(60, () -> model.loadingProperty().get() == null && model.project().dataset().equals("folder:" + photos));
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Don't save"); // the folder opened is a change to the project
        window.settle();
        ListView<Template> list = robot.lookup("#" + TemplateChooser.LIST_ID).queryListView();
        assertThat(list.getItems().get(0).id()).isEqualTo(Templates.TRANSFER);
        assertThat(list.getSelectionModel().getSelectedItem().id()).isEqualTo(Templates.TRANSFER);
        assertThat(text(robot, "#template-pretrained-" + Templates.TRANSFER)).startsWith("Needs the pretrained "
                + "MobileNet v1 0.75").contains(installedLine);
        robot.clickOn("OK");
        await(120, () -> model.loadingProperty().get() == null && model.datasetProperty().get() != null
                && model.datasetProperty().get().train().height() == 224); // decoded again at MobileNet's size
        robot.interact(() -> model.editor().apply("One epoch", s -> s.withTraining(s.training().withEpochs(1))));
    }

    @Test
    void mobileNetTransferShowsALockedBlockStopsWhileItPreparesAndTrainsAnEpochWithTheFeaturesProgressThenCurves(
            FxRobot robot)
            throws Exception {
        Path file = PretrainedCatalog.MOBILENET_V1_075.modelFile(data); // where the catalogue installs it
        Files.createDirectories(file.getParent());
        Files.copy(SharedData.mobileNet(), file);
        newTransferProjectOnThePhotos(robot, ": installed");
        EditorModel editor = model.editor();

        // The backbone: one locked block with its output and parameters; the totals split them.
        assertThat(robot.lookup("#block-backbone").query().getStyleClass()).contains("block-locked");
        assertThat(text(robot, "#settings-backbone")).isEqualTo("pretrained, frozen");
        assertThat(text(robot, "#shape-backbone")).isEqualTo("output 768");
        assertThat(text(robot, "#params-backbone")).isEqualTo("1,832,976 parameters, all frozen");
        assertThat(text(robot, "#shape-0")).isEqualTo("output 768"); // the template's dropout
        assertThat(text(robot, "#total-parameters")).isEqualTo("1,834,514 parameters: 1,832,976 frozen, 1,538 "
                + "trainable");

        // The input is MobileNet's, shown, not editable.
        robot.clickOn("#block-input");
        assertThat(text(robot, "#input-fixed-size")).isEqualTo("224x224x3");
        assertThat(text(robot, "#input-fixed-normalization")).isEqualTo("symmetric (x / 127.5 - 1)");
        assertThat(robot.lookup("#input-height").tryQuery()).isEmpty();

        // Train from: an undoable edit; Delete leaves the backbone where it is.
        robot.clickOn("#block-backbone");
        assertThat(editor.selected()).isEqualTo(EditorModel.BACKBONE);
        ChoiceBox<?> trainFrom = robot.lookup("#backbone-train-from").queryAs(ChoiceBox.class);
        assertThat(trainFrom.getValue()).isEqualTo("frozen");
        assertThat(trainFrom.getItems()).hasSize(15);
        robot.interact(() -> ((ChoiceBox<String>) (ChoiceBox<?>) trainFrom).setValue("block13"));
        assertThat(editor.spec().backbone().trainableFrom()).isEqualTo("block13");
        assertThat(text(robot, "#settings-backbone")).isEqualTo("pretrained, trains from block13");
        assertThat(text(robot, "#params-backbone")).matches("1,832,976 parameters, [0-9,]+ frozen");
        robot.clickOn("#block-backbone").type(KeyCode.DELETE);
        assertThat(editor.spec().hasBackbone()).isTrue();
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(editor.spec().backbone().isFrozen()).isTrue();
        assertThat(text(robot, "#settings-backbone")).isEqualTo("pretrained, frozen");

        // Stop before the features are computed: the run ends there, saying so.
        DashboardView dashboard = (DashboardView) robot.lookup("#" + DashboardView.ID).query().getUserData();
        TrainAction training = dashboard.training();
        var trains = new CountDownLatch(1);
        var stopped = new CountDownLatch(1);
        training.beforeTraining = r -> { // on the training thread: the run is made, its features not yet
            trains.countDown();
            try {
                stopped.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        robot.clickOn("#" + MainWindow.TRAIN_ID);
        assertThat(trains.await(60, TimeUnit.SECONDS)).isTrue();
        robot.clickOn("#stop");
        stopped.countDown();
        await(120, () -> !training.isRunning());
        assertThat(text(robot, "#dashboard-status")).isEqualTo("Stopped on request while computing the backbone's "
                + "features; nothing was trained");
        training.beforeTraining = r -> { };

        // One epoch from the window: the features' progress first, then the curves.
        List<TrainAction.Progress> seen = new CopyOnWriteArrayList<>();
        robot.interact(() -> training.progressProperty().addListener((obs, old, p) -> seen.add(p)));
        robot.clickOn("#" + MainWindow.TRAIN_ID);
        await(240, () -> training.sessionProperty().get().result() != null);
        // 36 training and 4 validation photos go through MobileNet before the first minibatch
        assertThat(seen).anySatisfy(p -> {
            assertThat(p.text()).matches("Computing MobileNet v1 0\\.75 \\(ImageNet\\) features: \\d+ of 40 images");
            assertThat(p.fraction()).isBetween(0.0, 1.0);
            assertThat(p.running()).isTrue();
        });
        assertThat(text(robot, "#dashboard-status")).startsWith("Completed: test accuracy");
        assertThat(dashboard.epochs()).hasSize(1);
        assertThat(dashboard.iterations()).isNotEmpty();
        assertThat(robot.lookup("#" + DashboardView.INSTALL_ID).query().isVisible()).isFalse();
    }

    @Test
    void withoutThePretrainedNetworkTheRunSaysWhereToPutItAndLeadsToItsCard(FxRobot robot) throws Exception {
        newTransferProjectOnThePhotos(robot, ": not installed yet");
        Path runs = model.project().runsFolder();
        robot.clickOn("#" + MainWindow.TRAIN_ID);
        DashboardView dashboard = (DashboardView) robot.lookup("#" + DashboardView.ID).query().getUserData();
        await(60, () -> !dashboard.training().isRunning());

        String status = text(robot, "#dashboard-status");
        assertThat(status).startsWith("Training failed: network 'mobilenet-v1-0.75' is not installed: put "
                + "mobilenet_v1_0.75_224_imagenet.h5").contains(" into "
                + PretrainedCatalog.MOBILENET_V1_075.folder(data)).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(text(robot, "#" + MainWindow.STATUS_ID)).isEqualTo(status);
        assertThat(Files.exists(runs) ? Files.list(runs).toList() : List.of()).isEmpty(); // no run folder for it

        robot.clickOn("#" + DashboardView.INSTALL_ID);
        assertThat(robot.lookup("#" + MainWindow.TABS_ID).queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getText()).isEqualTo("Dataset");
        assertThat(robot.lookup("#catalog-mobilenet-v1-0-75").query().getParent().getStyleClass())
                .contains("source-requested");
    }
}

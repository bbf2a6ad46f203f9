package org.dl4jworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dl4jworkbench.app.ui.WindowHarness.await;
import static org.dl4jworkbench.app.ui.WindowHarness.text;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.dl4jworkbench.app.ui.predict.FilePicker;
import org.dl4jworkbench.app.ui.predict.KerasImportDialog;
import org.dl4jworkbench.app.ui.predict.PredictionItem;
import org.dl4jworkbench.app.ui.predict.PredictionPane;
import org.dl4jworkbench.core.data.RealPhotos;
import org.dl4jworkbench.core.predict.ClassProbability;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a network trained on ImageNet already knows, from the real window, headless: the
 * prediction pane's MobileNet choice predicts a real photo (CIFAR-10's, from ../shared/data)
 * with ImageNet's names, or, not installed, says where to put it and leads to its card; File >
 * Import Keras model asks the scaling and class names for the real MobileNet file and predicts
 * with the model it saved, and a damaged file chosen in Open model... gets the import's message.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ImageNetWindowTest {

    @TempDir
    static Path dir;
    static Path cat;

    private WindowHarness window;
    private PredictionPane pane;
    private Path data;
    private String dataBefore;
    private final Deque<Path> opened = new ArrayDeque<>();
    private Path savedAt;

    @BeforeAll
    static void photo() throws Exception {
        Path photos = RealPhotos.cifarFolder(dir.resolve("photos"), List.of("cat"), 0, 1);
        try (var files = Files.list(photos.resolve("test").resolve("cat"))) {
            cat = files.findFirst().orElseThrow();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        dataBefore = System.getProperty("workbench.data");
        data = Files.createTempDirectory(dir, "data"); // nothing installed yet
        System.setProperty("workbench.data", data.toString());
        window = WindowHarness.withSettingsIn(dir, stage);
        pane = (PredictionPane) stage.getScene().lookup("#" + PredictionPane.ID).getUserData();
        pane.filePicker(new FilePicker() { // what the file choosers would answer
            @Override
            public Path open(Window owner, String title, FileChooser.ExtensionFilter... filters) {
                return opened.poll();
            }

            @Override
            public Path save(Window owner, String title, Path suggested, FileChooser.ExtensionFilter filter) {
                return savedAt;
            }
        });
    }

    @AfterEach
    void stop() {
        window.close();
        if (dataBefore == null) {
            System.clearProperty("workbench.data");
        } else {
            System.setProperty("workbench.data", dataBefore);
        }
    }

    private void installMobileNet() throws Exception {
        Path file = PretrainedCatalog.MOBILENET_V1_075.modelFile(data); // where the catalogue installs it
        Files.createDirectories(file.getParent());
        Files.copy(SharedData.mobileNet(), file);
    }

    private String selectedTab(FxRobot robot) {
        return robot.lookup("#" + MainWindow.TABS_ID).queryAs(TabPane.class).getSelectionModel().getSelectedItem()
                .getText();
    }

    private void selectPredictTab(FxRobot robot) throws Exception {
        window.settle();
        robot.clickOn("Predict");
        assertThat(selectedTab(robot)).isEqualTo("Predict");
    }

    /** The top classes of the one photo predicted. */
    private List<ClassProbability> predictTheCat(FxRobot robot) throws Exception {
        robot.interact(() -> pane.open(List.of(cat))); // what a drop does
        await(60, () -> !pane.model().items().isEmpty() && pane.model().busyProperty().get() == 0);
        PredictionItem item = pane.model().items().get(0);
        assertThat(item).isInstanceOf(PredictionItem.Shown.class);
        return ((PredictionItem.Shown) item).top();
    }

    @Test
    void mobileNetPredictsARealPhotoWithTheFiveLikeliestImageNetClasses(FxRobot robot) throws Exception {
        installMobileNet();
        selectPredictTab(robot);
        robot.clickOn("#" + PredictionPane.MOBILENET_ID);
        await(90, () -> pane.model().predictorProperty().get() != null);
        assertThat(text(robot, "#" + PredictionPane.MODEL_ID)).isEqualTo("Model: pretrained MobileNet v1 0.75 "
                + "(224x224, ImageNet), not trained here (224x224x3, 1,000 classes)");
        assertThat(text(robot, "#" + PredictionPane.ACTIVITY_ID)).isEmpty();

        List<ClassProbability> top = predictTheCat(robot);
        List<String> imageNet = PretrainedCatalog.MOBILENET_V1_075.classNames();
        assertThat(top).hasSize(5);
        assertThat(top).allSatisfy(c -> assertThat(imageNet).contains(c.name()));
        assertThat(top.get(0).probability()).isGreaterThanOrEqualTo(top.get(4).probability());
    }

    @Test
    void withoutMobileNetThePaneSaysWhereToPutItAndLeadsToItsCard(FxRobot robot) throws Exception {
        selectPredictTab(robot);
        robot.clickOn("#" + PredictionPane.MOBILENET_ID);
        await(60, () -> !pane.model().items().isEmpty());
        assertThat(pane.model().items().get(0)).isInstanceOfSatisfying(PredictionItem.NotInstalled.class, n -> {
            assertThat(n.text()).startsWith("network 'mobilenet-v1-0.75' is not installed: put "
                    + "mobilenet_v1_0.75_224_imagenet.h5").contains(" into "
                    + PretrainedCatalog.MOBILENET_V1_075.folder(data)).doesNotContain("Exception");
            assertThat(n.id()).isEqualTo("mobilenet-v1-0.75");
        });
        assertThat(pane.model().predictorProperty().get()).isNull();

        robot.clickOn("#" + PredictionPane.INSTALL_ID);
        assertThat(selectedTab(robot)).isEqualTo("Dataset");
        assertThat(robot.lookup("#catalog-mobilenet-v1-0-75").query().getParent().getStyleClass())
                .contains("source-requested");
    }

    @Test
    void importKerasModelAsksTheScalingAndClassNamesThenPredictsInThePredictTab(FxRobot robot) throws Exception {
        window.settle();
        Path h5 = Files.copy(SharedData.mobileNet(), dir.resolve("mobilenet.h5"));
        opened.add(h5);
        savedAt = dir.resolve("imported").resolve("mobilenet.zip");
        Files.createDirectories(savedAt.getParent());

        robot.press(KeyCode.CONTROL).type(KeyCode.I).release(KeyCode.CONTROL); // File > Import Keras model...
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#" + KerasImportDialog.SCALING_ID + "scale").queryAs(
                javafx.scene.control.RadioButton.class).isSelected()).as("0..1 unless the user says").isTrue();
        robot.clickOn("#" + KerasImportDialog.SCALING_ID + "symmetric"); // MobileNet's -1..1
        robot.clickOn("#" + KerasImportDialog.CLASSES_ID).write("cat,,dog");
        assertThat(text(robot, "#" + KerasImportDialog.PROBLEM_ID)).startsWith("Name 2 of 3 is empty");
        assertThat(robot.lookup(KerasImportDialog.IMPORT).queryButton().isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#" + KerasImportDialog.CLASSES_ID)
                .queryAs(javafx.scene.control.TextField.class).clear()); // blank: 0 to 999
        robot.clickOn(KerasImportDialog.IMPORT);

        assertThat(selectedTab(robot)).isEqualTo("Predict");
        await(120, () -> pane.model().predictorProperty().get() != null);
        assertThat(text(robot, "#" + PredictionPane.MODEL_ID)).startsWith("Model: mobilenet.zip, imported from "
                + "mobilenet.h5 (Keras 2.").endsWith("(224x224x3, 1,000 classes)");
        assertThat(savedAt).isRegularFile();
        assertThat(pane.model().predictorProperty().get().classNames()).hasSize(1000).startsWith("0", "1");

        // the same photo as the pretrained MobileNet sees it: the imported model's class 0..999 is ImageNet's
        List<ClassProbability> top = predictTheCat(robot);
        assertThat(top).hasSize(5);
        installMobileNet();
        robot.clickOn("#" + PredictionPane.MOBILENET_ID);
        await(90, () -> text(robot, "#" + PredictionPane.MODEL_ID).startsWith("Model: pretrained"));
        List<ClassProbability> pretrained = predictTheCat(robot);
        List<String> imageNet = PretrainedCatalog.MOBILENET_V1_075.classNames();
        for (int i = 0; i < 5; i++) {
            assertThat(imageNet.get(Integer.parseInt(top.get(i).name()))).isEqualTo(pretrained.get(i).name());
            assertThat(top.get(i).probability()).isCloseTo(pretrained.get(i).probability(),
                    org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void aDamagedKerasFileChosenInOpenModelGetsTheImportsMessage(FxRobot robot) throws Exception {
        Path damaged = dir.resolve("half.h5");
        try (InputStream in = Files.newInputStream(SharedData.mobileNet())) {
            Files.write(damaged, in.readNBytes(1 << 20));
        }
        opened.add(damaged);
        savedAt = dir.resolve("half.zip");
        selectPredictTab(robot);
        robot.clickOn("Open model...");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(KerasImportDialog.IMPORT);
        await(60, () -> !pane.model().items().isEmpty() && pane.model().busyProperty().get() == 0);

        assertThat(pane.model().items().get(0)).isInstanceOfSatisfying(PredictionItem.Message.class, m ->
                assertThat(m.text()).startsWith(damaged.toString()).contains("damaged or incomplete")
                        .doesNotContain("Exception").doesNotContain("\tat "));
        assertThat(pane.model().predictorProperty().get()).isNull();
        assertThat(savedAt).doesNotExist();
        assertThat(text(robot, "#" + PredictionPane.ACTIVITY_ID)).isEmpty();
    }
}

package org.dl4jworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dl4jworkbench.core.data.catalog.ByteSize;
import org.dl4jworkbench.core.data.catalog.Catalog;
import org.dl4jworkbench.core.data.image.ImageFixtures;
import org.dl4jworkbench.core.spec.Template;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A template that needs other data asks for it in the Dataset tab, in the real window. */
@ExtendWith(ApplicationExtension.class)
class TemplateDataWindowTest {

    @TempDir
    static Path dir;

    private WindowHarness window;
    private String dataBefore;
    private WorkbenchModel model;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dataBefore = System.getProperty("workbench.data");
        // an empty data folder: CIFAR-10 is not downloaded
        System.setProperty("workbench.data", Files.createTempDirectory(dir, "data").toString());
        window = WindowHarness.withDefaultProject(stage);
        model = window.model();
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

    private void settle() throws Exception {
        window.settle(3);
    }

    private void newFromTemplate(FxRobot robot, String id) throws Exception {
        settle();
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<Template> list = robot.lookup("#" + TemplateChooser.LIST_ID).queryListView();
        robot.interact(() -> list.getSelectionModel().select(
                list.getItems().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow()));
        robot.clickOn("OK");
        settle();
    }

    private static boolean shown(FxRobot robot, String id) {
        Node node = robot.lookup(id).tryQuery().orElse(null);
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node != null;
    }

    private int selectedTab(FxRobot robot) {
        return robot.lookup("#" + MainWindow.TABS_ID).queryAs(TabPane.class).getSelectionModel().getSelectedIndex();
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WindowHarness.await(60, condition);
    }

    @Test
    void catsVsDogsAsksForAFolderOfPhotosAndTheNoteGoesOnceOneIsOpen(FxRobot robot) throws Exception {
        newFromTemplate(robot, "cats-dogs");
        assertThat(stage.getTitle()).isEqualTo("DL4J Workbench - cats-dogs");
        assertThat(selectedTab(robot)).isEqualTo(1); // Dataset
        assertThat(shown(robot, "#dataset-request")).isTrue();
        assertThat(robot.lookup("#dataset-request-text").queryAs(Label.class).getText()).isEqualTo("Cats vs dogs "
                + "needs a folder of photos, one subfolder per class (cats/, dogs/, ...): choose a folder, or drop one "
                + "on this tab.");
        assertThat(shown(robot, "#dataset-request-folder")).isTrue();
        assertThat(robot.lookup("#open-folder").query().getStyleClass()).contains("source-requested");
        assertThat(shown(robot, "#dataset-mismatch")).isFalse(); // no red banner about MNIST
        assertThat(shown(robot, "#dataset-error")).isFalse();

        Path pets = ImageFixtures.catsAndDogs(dir.resolve("pets"), 6, false, 1);
        robot.interact(() -> model.loadDataset("folder:" + pets)); // what Choose folder or a drop does
        await(() -> model.loadingProperty().get() == null && model.project().dataset().equals("folder:" + pets));
        assertThat(shown(robot, "#dataset-request")).isFalse();
        assertThat(robot.lookup("#open-folder").query().getStyleClass()).doesNotContain("source-requested");
        assertThat(model.datasetProperty().get().classNames()).containsExactly("cats", "dogs");
        assertThat(model.editor().analysis().errors()).isEmpty();
    }

    @Test
    void cifarTemplateOffersTheDownloadOrAFolderInsteadOfAFailedOpen(FxRobot robot) throws Exception {
        newFromTemplate(robot, "cifar10-cnn");
        assertThat(selectedTab(robot)).isEqualTo(1);
        String size = ByteSize.format(Catalog.CIFAR10.downloadSize());
        assertThat(robot.lookup("#dataset-request-text").queryAs(Label.class).getText()).isEqualTo("CNN (CIFAR-10) "
                + "trains on CIFAR-10: download it (" + size + ") or choose the folder of CIFAR-10 binary batches you "
                + "have.");
        await(() -> !robot.lookup("#dataset-request-download").queryButton().isDisabled());
        assertThat(robot.lookup("#dataset-request-download").queryButton().getText()).isEqualTo("Download (" + size
                + ")");
        assertThat(shown(robot, "#dataset-request-folder")).isTrue();
        assertThat(robot.lookup("#catalog-cifar10").query().getParent().getStyleClass()).contains("source-requested");
        assertThat(model.datasetErrorProperty().get()).isNull(); // nothing failed to open
        assertThat(shown(robot, "#dataset-error")).isFalse();
        assertThat(model.project().dataset()).isEqualTo("mnist-mini");

        robot.clickOn("#dataset-request-dismiss"); // Not now: the mismatch with MNIST shows as before
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, "#dataset-request")).isFalse();
        assertThat(shown(robot, "#dataset-mismatch")).isTrue();
        assertThat(robot.lookup("#catalog-cifar10").query().getParent().getStyleClass())
                .doesNotContain("source-requested");
    }

    @Test
    void anMnistTemplateAsksForNothing(FxRobot robot) throws Exception {
        newFromTemplate(robot, "mlp");
        assertThat(selectedTab(robot)).isEqualTo(0);
        assertThat(shown(robot, "#dataset-request")).isFalse();
    }
}

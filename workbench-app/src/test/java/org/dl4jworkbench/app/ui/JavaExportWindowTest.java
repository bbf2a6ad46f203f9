package org.dl4jworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dl4jworkbench.app.ui.WindowHarness.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.ui.predict.FilePicker;
import org.dl4jworkbench.core.export.JavaExport;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * File > Export as Java... in the real window, headless: the network in the editor, edits
 * included, is written where the file chooser answers; a network with problems is refused
 * with them listed, before any file is asked for.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JavaExportWindowTest {

    @TempDir
    static Path dir;

    private WindowHarness window;
    private EditorModel editor;
    private final List<Path> suggested = new ArrayList<>();
    private Path answer;

    @Start
    void start(Stage stage) throws Exception {
        window = WindowHarness.withSettingsIn(dir, stage);
        editor = window.model().editor();
        var action = (JavaExportAction) ((MenuBar) stage.getScene().lookup(".menu-bar")).getMenus().get(0).getItems()
                .stream().filter(i -> JavaExportAction.MENU_ID.equals(i.getId())).findFirst().orElseThrow().getUserData();
        action.filePicker(new FilePicker() { // what the save chooser would answer
            @Override
            public Path open(Window owner, String title, FileChooser.ExtensionFilter... filters) {
                throw new AssertionError("export asks where to save, never what to open");
            }

            @Override
            public Path save(Window owner, String title, Path suggestion, FileChooser.ExtensionFilter filter) {
                suggested.add(suggestion);
                return answer;
            }
        });
    }

    @AfterEach
    void stop() {
        window.close();
    }

    private void clickExport(FxRobot robot) {
        robot.clickOn("File").clickOn("Export as Java...");
    }

    private DialogPane dialog(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(DialogPane.class);
    }

    @Test
    void exportsTheNetworkInTheEditorWithItsEdits(FxRobot robot) throws Exception {
        window.settle();
        robot.interact(() -> editor.insertLayer(4, DropoutSpec.of(0.3))); // an edit: dropout before dense1
        answer = Files.createTempDirectory(dir, "export").resolve("MyLeNet"); // .java is added
        clickExport(robot);
        window.settle();
        await(30, () -> robot.lookup("#" + JavaExportAction.DONE_ID).tryQuery().isPresent());

        Path file = answer.resolveSibling("MyLeNet.java");
        assertThat(suggested).hasSize(1);
        assertThat(suggested.get(0).getFileName().toString()).isEqualTo("Lenet.java");
        String code = Files.readString(file);
        assertThat(code).isEqualTo(JavaExport.generate(editor.spec(), "MyLeNet"));
        assertThat(code).contains("public class MyLeNet {", "// dropout1: dropout rate 0.3",
                "new DropoutLayer.Builder(1.0 - 0.3)");
        assertThat(dialog(robot, JavaExportAction.DONE_ID).getContentText()).startsWith(file.toString())
                .contains("Class MyLeNet, ");
    }

    @Test
    void aNetworkWithProblemsIsRefusedBeforeAnyFileIsAskedFor(FxRobot robot) throws Exception {
        window.settle();
        robot.interact(() -> editor.insertLayer(0, PoolingSpec.max(8))); // 28x28 -> 3x3: conv1's 5x5 no longer fits
        assertThat(editor.analysis().errors()).isNotEmpty();
        clickExport(robot);
        await(10, () -> robot.lookup("#" + JavaExportAction.REFUSED_ID).tryQuery().isPresent());

        DialogPane refused = dialog(robot, JavaExportAction.REFUSED_ID);
        assertThat(refused.getHeaderText()).isEqualTo("Cannot export the network as Java");
        assertThat(refused.getContentText()).contains("Fix the network's problems first", "conv1");
        assertThat(suggested).as("no file chooser for a network that cannot be exported").isEmpty();
        Node ok = robot.lookup(".dialog-pane .button").query();
        robot.clickOn(ok);
    }
}

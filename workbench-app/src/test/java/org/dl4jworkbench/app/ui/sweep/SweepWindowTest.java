package org.dl4jworkbench.app.ui.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dl4jworkbench.app.ui.WindowHarness.await;
import static org.dl4jworkbench.app.ui.WindowHarness.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.dl4jworkbench.app.cli.MnistSlice;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.ui.WindowHarness;
import org.dl4jworkbench.core.sweep.TrialState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Experiment > Sweep settings... in the real window: a two-trial sweep of the current LeNet on
 * real digits fills the table and the plot, and its best settings go into the network as one
 * edit that Undo takes back.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SweepWindowTest {

    @TempDir
    Path dir;

    private WindowHarness window;

    @Start
    void start(Stage stage) throws Exception {
        window = WindowHarness.withSettingsIn(Files.createDirectories(Path.of("target", "sweep-window")), stage);
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void aSweepFromTheWindowFillsTheTableAndAppliesTheBestSettingsAsOneUndoableEdit(FxRobot robot)
            throws Exception {
        window.settle();
        var model = window.model();
        robot.interact(() -> model.projectProperty().set(model.projectProperty().get().savedAs("swept", dir)));
        Path data = MnistSlice.write(dir.resolve("digits"), 500, 100);
        EditorModel editor = model.editor();
        double before = editor.spec().training().learningRate();

        robot.clickOn("Experiment").clickOn("Sweep settings...");
        await(10, () -> robot.lookup("#" + SweepForm.VARY_ID).tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#" + SweepForm.VARY_ID).queryAs(TextArea.class).setText("learning_rate=1e-5,3e-3");
            robot.lookup("#" + SweepForm.DATASET_ID).queryAs(TextField.class).setText("idx:" + data);
            robot.lookup("#" + SweepForm.TRIALS_ID).queryAs(TextField.class).setText("0");
            robot.lookup("#" + SweepForm.EPOCHS_ID).queryAs(TextField.class).setText("1");
        });
        robot.clickOn("#" + SweepWindow.START_ID);
        @SuppressWarnings("unchecked")
        TableView<TrialState> table = robot.lookup("#" + SweepWindow.TABLE_ID).queryAs(TableView.class);
        await(200, () -> text(robot, "#" + SweepWindow.STATUS_ID).startsWith("Done"));
        assertThat(table.getItems()).hasSize(2).allMatch(t -> t.outcome().equals("done"));
        assertThat(text(robot, "#" + SweepWindow.STATUS_ID)).contains("best trial-2", "learning_rate=0.003");
        assertThat(Files.isDirectory(dir.resolve("sweeps"))).isTrue();

        // The plot drew the trials' lines: the best in the accent colour.
        Canvas plot = robot.lookup("#" + SweepWindow.PLOT_ID).queryAs(Canvas.class);
        int[] accent = new int[1];
        robot.interact(() -> {
            var snap = plot.snapshot(null, null);
            for (int y = 0; y < (int) snap.getHeight(); y += 2) {
                for (int x = 0; x < (int) snap.getWidth(); x += 2) {
                    var c = snap.getPixelReader().getColor(x, y);
                    if (c.getRed() > 0.7 && c.getGreen() < 0.5 && c.getBlue() < 0.2) {
                        accent[0]++;
                    }
                }
            }
        });
        assertThat(accent[0]).isGreaterThan(20);

        // The trials' curves overlaid, read from their run folders.
        robot.clickOn("Curves");
        Canvas curves = robot.lookup("#" + TrialCurves.ID).queryAs(Canvas.class);
        await(30, () -> inked(curves) > 200); // an empty canvas has none

        Button apply = robot.lookup("#" + SweepWindow.APPLY_ID).queryButton();
        assertThat(apply.isDisabled()).isFalse();
        robot.clickOn(apply);
        await(5, () -> editor.spec().training().learningRate() == 0.003);
        assertThat(editor.undoTextProperty().get()).contains("Apply sweep settings (learning_rate=0.003)");
        robot.interact(editor::undo);
        assertThat(editor.spec().training().learningRate()).isEqualTo(before);
    }

    /** Pixels of {@code canvas} drawn in a colour (not white, grey or black). */
    private static int inked(Canvas canvas) {
        var snap = canvas.snapshot(null, null);
        int n = 0;
        for (int y = 0; y < (int) snap.getHeight(); y += 2) {
            for (int x = 0; x < (int) snap.getWidth(); x += 2) {
                var c = snap.getPixelReader().getColor(x, y);
                double spread = Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()))
                        - Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
                n += spread > 0.25 ? 1 : 0;
            }
        }
        return n;
    }
}

package org.dl4jworkbench.app.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.train.Evaluation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The confusion matrix and its gallery on real MNIST test images; the gallery's images are made in the background. */
@ExtendWith(ApplicationExtension.class)
class EvaluationViewTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private EvaluationView view;

    @Start
    void start(Stage stage) {
        view = new EvaluationView(background);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1100, 800));
        stage.show();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    /** Waits until the gallery's images are made and shown. */
    private void settle() throws Exception {
        background.submit(() -> { }).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickingAConfusionCellShowsItsImagesMostConfidentFirst(FxRobot robot) throws Exception {
        ImageSet test = Datasets.open("mnist-mini").test().head(20);
        List<String> classes = test.classNames();
        int[][] confusion = new int[10][10];
        for (int i = 0; i < test.size(); i++) {
            confusion[test.label(i)][test.label(i)]++;
        }
        // two images taken for class 9 by mistake
        int a = test.label(0);
        int b = test.label(1);
        confusion[a][a]--;
        confusion[a][9]++;
        confusion[b][b]--;
        confusion[b][9]++;
        var mistakes = List.of(new Evaluation.Mistake(1, b, 9, 0.91), new Evaluation.Mistake(0, a, 9, 0.62));
        var evaluation = new Evaluation(classes, confusion, 0.3, 3, 19, mistakes);
        robot.interact(() -> view.show(evaluation, test, null));
        assertThat(robot.lookup("#evaluation-summary").queryAs(Label.class).getText())
                .startsWith("Test accuracy 90.00% (18 of 20)");

        robot.clickOn("#cell-" + a + "-9");
        WaitForAsyncUtils.waitForFxEvents();
        settle();
        FlowPane gallery = robot.lookup("#" + EvaluationView.GALLERY_ID).queryAs(FlowPane.class);
        assertThat(gallery.getChildren()).hasSize(a == b ? 2 : 1);
        robot.interact(() -> view.showCell(b, 9));
        settle();
        String caption = ((Label) ((javafx.scene.layout.VBox) gallery.getChildren().get(0)).getChildren().get(1))
                .getText();
        assertThat(caption).startsWith("#1 " + classes.get(b) + "\u21929 91%");
        assertThat(robot.lookup("#per-class").queryTableView().getItems()).hasSize(10);
    }

    @Test
    void twoClassesShowTheirTableAndNoTopKAndGalleryItemsNameTheirFiles(FxRobot robot) throws Exception {
        int n = 12;
        byte[] pixels = new byte[n * 8 * 8 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        int[] labels = new int[n];
        List<String> files = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            files.add((i % 2 == 0 ? "cats/cat." : "dogs/dog.") + i + ".jpg");
        }
        ImageSet test = ImageSet.of(pixels, labels, 8, 8, 3, List.of("cats", "dogs")).withSources(files);
        int[][] confusion = {{5, 1}, {0, 6}};
        var evaluation = new Evaluation(List.of("cats", "dogs"), confusion, 0.2, 2, 12,
                List.of(new Evaluation.Mistake(0, 0, 1, 0.8)));
        robot.interact(() -> view.show(evaluation, test, null, "Run 20261124-100000-cnn on folder:/data/pets."));

        assertThat(robot.lookup("#evaluation-summary").queryAs(Label.class).getText())
                .isEqualTo("Test accuracy 91.67% (11 of 12)"); // a top-2 of 2 classes says nothing
        assertThat(robot.lookup("#" + EvaluationView.ABOUT_ID).queryAs(Label.class).getText())
                .isEqualTo("Run 20261124-100000-cnn on folder:/data/pets.");
        var table = robot.lookup("#per-class").queryTableView();
        assertThat(table.getItems()).hasSize(2);
        assertThat(table.getHeight()).as("room for the header and both rows")
                .isGreaterThanOrEqualTo(40 + 2 * table.getFixedCellSize());
        assertThat(robot.lookup(".table-row-cell").queryAll().stream().filter(javafx.scene.Node::isVisible)
                .filter(r -> ((javafx.scene.control.TableRow<?>) r).getItem() != null)).hasSize(2);

        robot.interact(() -> view.showCell(0, 1));
        settle();
        FlowPane gallery = robot.lookup("#" + EvaluationView.GALLERY_ID).queryAs(FlowPane.class);
        var item = (javafx.scene.layout.VBox) gallery.getChildren().get(0);
        assertThat(item.getUserData()).isEqualTo("cats/cat.0.jpg");
        assertThat(((Label) item.getChildren().get(2)).getText()).isEqualTo("cat.0.jpg");
    }

    @Test
    void cifarClassNamesAreReadInFullOverTheMatrixColumns(FxRobot robot) {
        List<String> cifar = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship",
                "truck");
        int[][] confusion = new int[10][10];
        for (int c = 0; c < 10; c++) {
            confusion[c][c] = 90;
            confusion[c][(c + 1) % 10] = 10;
        }
        var evaluation = new Evaluation(cifar, confusion, 0.5, 3, 980, List.of());
        robot.interact(() -> view.show(evaluation, null, null, "Run x on cifar10. Its test images could not be "
                + "opened from cifar10 (not downloaded); open or download that dataset to see them."));

        assertThat(robot.lookup("#evaluation-summary").queryAs(Label.class).getText()).contains("top-3 accuracy");
        for (int c = 0; c < 10; c++) {
            Label head = robot.lookup("#column-head-" + c).queryAs(Label.class);
            assertThat(head.getText()).isEqualTo(cifar.get(c));
            assertThat(head.getRotate()).isEqualTo(-90);
            // laid out to its full text: nothing cut to an ellipsis
            assertThat(head.getWidth()).isGreaterThanOrEqualTo(head.prefWidth(-1) - 0.5);
        }
        robot.interact(() -> view.showCell(1, 2));
        assertThat(robot.lookup("#gallery-title").queryAs(Label.class).getText()).isEqualTo("automobile taken for "
                + "bird. No images to show: the test images are not loaded (the line at the top says why).");
    }
}

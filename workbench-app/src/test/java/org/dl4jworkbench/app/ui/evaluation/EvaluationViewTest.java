package org.dl4jworkbench.app.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.train.Evaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The confusion matrix and its gallery on real MNIST test images. */
@ExtendWith(ApplicationExtension.class)
class EvaluationViewTest {

    private EvaluationView view;

    @Start
    void start(Stage stage) {
        view = new EvaluationView();
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1100, 800));
        stage.show();
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
        FlowPane gallery = robot.lookup("#" + EvaluationView.GALLERY_ID).queryAs(FlowPane.class);
        assertThat(gallery.getChildren()).hasSize(a == b ? 2 : 1);
        robot.interact(() -> view.showCell(b, 9));
        String caption = ((Label) ((javafx.scene.layout.VBox) gallery.getChildren().get(0)).getChildren().get(1))
                .getText();
        assertThat(caption).startsWith("#1 " + classes.get(b) + "\u21929 91%");
        assertThat(robot.lookup("#per-class").queryTableView().getItems()).hasSize(10);
    }
}

package org.dl4jworkbench.app.ui.predict;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.dl4jworkbench.core.explain.CnnModelFixture;
import org.dl4jworkbench.core.explain.ExplainMethod;
import org.dl4jworkbench.core.predict.MnistModelFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The prediction pane's Explain switch with a real trained LeNet and real digits: the heat map appears over the image. */
@ExtendWith(ApplicationExtension.class)
class ExplainPanelTest {

    @TempDir
    static Path dir;
    static CnnModelFixture.TrainedModel cnn;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private PredictionPane pane;

    @BeforeAll
    static void train() throws Exception {
        cnn = CnnModelFixture.train(dir);
    }

    @Start
    void start(Stage stage) {
        pane = new PredictionPane(background);
        stage.setScene(new Scene(new VBox(pane.node()), 1000, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void settle() throws Exception {
        for (int i = 0; i < 4; i++) {
            background.submit(() -> { }).get(60, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private ImageView heat(FxRobot robot) {
        return robot.lookup("#" + ExplainPanel.HEAT_ID).queryAs(ImageView.class);
    }

    private String caption(FxRobot robot) {
        return robot.lookup("#" + ExplainPanel.CAPTION_ID).queryAs(Label.class).getText();
    }

    @Test
    void clickingExplainOverlaysTheHeatMapAndTheSliderSetsItsOpacity(FxRobot robot) throws Exception {
        robot.interact(() -> pane.openModel(cnn.file()));
        settle();
        Path first = MnistModelFixture.writeDigit(cnn.test(), 0, dir.resolve("first.png"));
        Path second = MnistModelFixture.writeDigit(cnn.test(), 1, dir.resolve("second.png"));
        robot.interact(() -> pane.open(List.of(first, second)));
        settle();
        assertThat(robot.lookup("#" + ExplainPanel.OVERLAY_ID).query().isVisible()).isFalse();

        robot.clickOn("#" + ExplainPanel.TOGGLE_ID);
        settle();

        assertThat(robot.lookup("#" + ExplainPanel.OVERLAY_ID).query().isVisible()).isTrue();
        assertThat(heat(robot).getImage()).isNotNull();
        assertThat(heat(robot).getImage().getWidth()).isEqualTo(224); // 28 pixels, 8 times
        String top = ((PredictionItem.Shown) pane.model().items().get(0)).name(); // the result at the top
        String other = top.equals("first.png") ? "second.png" : "first.png";
        assertThat(caption(robot)).startsWith(top + ": Grad-CAM for \"").contains("on conv2 (8x8)");
        int distinct = (int) java.util.stream.IntStream.range(0, 224).map(x ->
                heat(robot).getImage().getPixelReader().getArgb(x, 112)).distinct().count();
        assertThat(distinct).as("colours along the middle row of the heat map").isGreaterThan(5);

        Slider slider = robot.lookup("#" + ExplainPanel.OPACITY_ID).queryAs(Slider.class);
        robot.interact(() -> slider.setValue(0.8));
        assertThat(heat(robot).getOpacity()).isEqualTo(0.8);

        // A click on the other result explains it instead.
        robot.clickOn(other);
        settle();
        assertThat(caption(robot)).startsWith(other + ": Grad-CAM");

        @SuppressWarnings("unchecked")
        ChoiceBox<ExplainMethod> method = robot.lookup("#" + ExplainPanel.METHOD_ID).queryAs(ChoiceBox.class);
        robot.interact(() -> method.setValue(ExplainMethod.SALIENCY));
        settle();
        assertThat(caption(robot)).startsWith(other + ": Saliency").contains("on the input pixels");

        robot.clickOn("#" + ExplainPanel.TOGGLE_ID);
        settle();
        assertThat(robot.lookup("#" + ExplainPanel.OVERLAY_ID).query().isVisible()).isFalse();
    }

    @Test
    void gradCamOnANetworkWithoutConvolutionsSaysToUseSaliency(FxRobot robot) throws Exception {
        var mlp = MnistModelFixture.trainMlp(dir);
        robot.interact(() -> pane.openModel(mlp.file()));
        settle();
        Path digit = MnistModelFixture.writeDigit(cnn.test(), 2, dir.resolve("d.png"));
        robot.interact(() -> pane.open(List.of(digit)));
        settle();
        robot.clickOn("#" + ExplainPanel.TOGGLE_ID);
        settle();
        assertThat(caption(robot)).contains("Grad-CAM needs a convolution layer").contains("saliency");
        assertThat(heat(robot).getImage()).isNull();
    }
}

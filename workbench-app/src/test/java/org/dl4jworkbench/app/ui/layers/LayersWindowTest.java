package org.dl4jworkbench.app.ui.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.predict.PredictionPane;
import org.dl4jworkbench.core.inspect.LenetFixture;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.predict.MnistModelFixture;
import org.dl4jworkbench.core.predict.Predictor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The layers view opened from the prediction pane on a real digit, with a LeNet trained here. */
@ExtendWith(ApplicationExtension.class)
class LayersWindowTest {

    @TempDir
    static Path dir;
    static LenetFixture.TrainedLenet lenet;
    static Path digit;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private PredictionPane pane;

    @BeforeAll
    static void train() throws Exception {
        lenet = LenetFixture.train(dir);
        digit = MnistModelFixture.writeDigit(lenet.test(), 0, dir.resolve("digit-7.png"));
    }

    @Start
    void start(Stage stage) {
        pane = new PredictionPane(background);
        stage.setScene(new Scene(new VBox(pane.node()), 1000, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void settle() throws Exception {
        for (int i = 0; i < 4; i++) { // background work hands results to the FX thread, which may queue more
            background.submit(() -> { }).get(60, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private LayersWindow openLayers(FxRobot robot) throws Exception {
        robot.interact(() -> pane.open(List.of(digit)));
        settle();
        robot.clickOn("#" + LayersWindow.OPEN_ID);
        settle();
        return (LayersWindow) robot.lookup("#" + LayersWindow.ROOT_ID).query().getUserData();
    }

    private static Node row(LayersWindow window, String layer) {
        return window.stage().getScene().lookup("#" + LayersView.rowId(layer));
    }

    private static List<Label> flags(Node row) {
        return ((Parent) row).lookupAll("." + LayersView.FLAG).stream().map(n -> (Label) n).toList();
    }

    @Test
    void theLayersOfADigitShowWithTheirMapsBarsAndFilters(FxRobot robot) throws Exception {
        robot.interact(() -> pane.openModel(lenet.file()));
        settle();
        LayersWindow window = openLayers(robot);

        assertThat(window.stage().getTitle()).isEqualTo("Layers: digit-7.png");
        assertThat(window.model().statusProperty().get()).isEmpty();
        for (String layer : List.of("conv1", "pool1", "conv2", "pool2", "dense1", "output")) {
            assertThat(row(window, layer)).as(layer).isNotNull();
        }
        Node conv1 = row(window, "conv1");
        assertThat(((Parent) conv1).lookupAll(".feature-map")).hasSize(20);
        assertThat(robot.from(conv1).lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.contains("convolution") && t.contains("24x24x20"))
                .anyMatch(t -> t.startsWith("mean "));
        assertThat(((Parent) row(window, "dense1")).lookupAll("." + LayersView.BARS)).hasSize(1);
        assertThat(((Parent) row(window, "output")).lookupAll(".probability-bar")).hasSize(10);
        Node filters = window.stage().getScene().lookup("#" + LayersView.FILTERS_ID);
        assertThat(((Parent) filters).lookupAll(".feature-map")).hasSize(20);
        assertThat(flags(row(window, "conv2"))).isEmpty();
        assertThat(row(window, "conv2").getStyleClass()).doesNotContain(LayersView.ROW_FLAGGED);
    }

    @Test
    void whenThePaneSwitchesToANetworkWithADeadLayerTheViewLooksAgainAndFlagsIt(FxRobot robot) throws Exception {
        LoadedModel loaded = ModelFiles.load(lenet.file());
        robot.interact(() -> pane.use(new Predictor(loaded), "lenet"));
        LayersWindow window = openLayers(robot);
        assertThat(flags(row(window, "conv2"))).isEmpty();

        Network broken = loaded.network().copy();
        var net = broken.sequential().orElseThrow();
        net.getLayer(2).getParam("W").assign(0);
        net.getLayer(2).getParam("b").assign(0);
        var zeroed = new Predictor(new LoadedModel(broken, loaded.metadata(), loaded.spec(), Duration.ZERO));
        robot.interact(() -> pane.use(zeroed, "lenet with conv2 zeroed")); // as a snapshot in training would
        settle();

        Node conv2 = row(window, "conv2");
        assertThat(conv2.getStyleClass()).contains(LayersView.ROW_FLAGGED);
        assertThat(flags(conv2)).singleElement().satisfies(l -> {
            assertThat(l.getStyleClass()).contains(LayersView.FLAG_DEAD);
            assertThat(l.getText()).startsWith("dead: every output is exactly zero");
        });
        assertThat(((Parent) conv2).lookupAll(".feature-map-zero")).hasSize(50);
        assertThat(flags(row(window, "pool2"))).isNotEmpty();
        assertThat(flags(row(window, "conv1"))).isEmpty();
        var summary = (Label) window.stage().getScene().lookup("#" + LayersView.SUMMARY_ID);
        assertThat(summary.getText()).contains("conv2 (dead)").contains("pool2 (dead)");
    }

    @Test
    void withoutARunTheSnapshotButtonIsOffAndAClosedWindowNoLongerFollowsThePane(FxRobot robot) throws Exception {
        LoadedModel loaded = ModelFiles.load(lenet.file());
        robot.interact(() -> pane.use(new Predictor(loaded), "lenet"));
        LayersWindow window = openLayers(robot);
        assertThat(robot.lookup("#" + LayersWindow.SNAPSHOT_ID).queryButton().isDisabled()).isTrue();
        assertThat(row(window, "conv1")).isNotNull();

        robot.interact(() -> window.stage().hide());
        robot.interact(() -> pane.use(new Predictor(loaded), "lenet again"));
        settle();
        assertThat(window.model().imageProperty().get()).isNull();
        assertThat(row(window, "conv1")).as("nothing looked at once closed").isNull();
        assertThat(window.model().busyProperty().get()).isZero();
    }
}

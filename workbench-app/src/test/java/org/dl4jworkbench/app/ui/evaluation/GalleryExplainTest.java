package org.dl4jworkbench.app.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.image.DecodedImage;
import org.dl4jworkbench.core.explain.CnnModelFixture;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.train.Evaluation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The gallery of mistakes with the Explain switch: a real LeNet's real mistakes on mnist-mini get heat maps. */
@ExtendWith(ApplicationExtension.class)
class GalleryExplainTest {

    @TempDir
    static Path dir;
    static Predictor predictor;
    static ImageSet test;
    static Evaluation evaluation;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private EvaluationView view;
    private final SimpleObjectProperty<Predictor> inPredict = new SimpleObjectProperty<>();

    /** Trains the fixture and classifies 400 test digits with it, recording its real mistakes. */
    @BeforeAll
    static void trainAndEvaluate() throws Exception {
        var trained = CnnModelFixture.train(dir);
        predictor = new Predictor(ModelFiles.load(trained.file()));
        test = trained.test().head(400);
        int[][] confusion = new int[10][10];
        List<Evaluation.Mistake> mistakes = new ArrayList<>();
        int correct = 0;
        byte[] pixels = new byte[test.imageSize()];
        for (int i = 0; i < test.size(); i++) {
            test.copyBytes(i, pixels, 0);
            var p = predictor.predict(new DecodedImage("png", 28, 28, 1, pixels.clone()), 1).best();
            confusion[test.label(i)][p.index()]++;
            if (p.index() == test.label(i)) {
                correct++;
            } else {
                mistakes.add(new Evaluation.Mistake(i, test.label(i), p.index(), p.probability()));
            }
        }
        mistakes.sort(Comparator.comparingDouble(m -> -m.confidence()));
        evaluation = new Evaluation(test.classNames(), confusion, 0.2, 1, correct, mistakes);
    }

    @Start
    void start(Stage stage) {
        inPredict.set(predictor);
        view = new EvaluationView(background, inPredict);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1100, 900));
        stage.show();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    private void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            background.submit(() -> { }).get(60, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void theSwitchLaysAHeatMapOverEveryMistakeOfACell(FxRobot robot) throws Exception {
        assertThat(evaluation.mistakes()).isNotEmpty();
        var first = evaluation.mistakes().get(0);
        robot.interact(() -> view.show(evaluation, test, null));
        robot.clickOn("#cell-" + first.actual() + "-" + first.predicted());
        settle();
        Set<Node> heats = robot.lookup("." + GalleryExplain.HEAT_CLASS).queryAll();
        long inCell = evaluation.mistakes().stream()
                .filter(m -> m.actual() == first.actual() && m.predicted() == first.predicted()).count();
        assertThat(heats).hasSize((int) inCell);
        assertThat(heats).allSatisfy(h -> assertThat(h.isVisible()).isFalse());

        robot.clickOn("#" + GalleryExplain.TOGGLE_ID);
        settle();

        assertThat(heats).allSatisfy(h -> {
            assertThat(h.isVisible()).isTrue();
            assertThat(((ImageView) h).getImage()).isNotNull();
            assertThat(((ImageView) h).getImage().getWidth()).isEqualTo(56); // the gallery's 28 pixels, twice
        });
        assertThat(robot.lookup("#" + GalleryExplain.NOTE_ID).queryAs(Label.class).getText())
                .startsWith("Grad-CAM of \"" + test.classNames().get(first.predicted()) + "\", the class predicted");
    }

    @Test
    void withoutAModelInPredictTheSwitchSaysWhereToOpenOne(FxRobot robot) throws Exception {
        robot.interact(() -> {
            inPredict.set(null);
            view.show(evaluation, test, null);
        });
        var first = evaluation.mistakes().get(0);
        robot.clickOn("#cell-" + first.actual() + "-" + first.predicted());
        settle();
        robot.clickOn("#" + GalleryExplain.TOGGLE_ID);
        settle();
        assertThat(robot.lookup("#" + GalleryExplain.NOTE_ID).queryAs(Label.class).getText())
                .isEqualTo("Open the run's model in the Predict tab to explain these images.");
    }
}

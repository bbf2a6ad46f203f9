package org.dl4jworkbench.app.ui.predict;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.core.predict.MnistModelFixture;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.run.RunSummary;
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

/** The prediction pane with a real trained MNIST model and real digit images. */
@ExtendWith(ApplicationExtension.class)
class PredictionPaneTest {

    @TempDir
    static Path dir;
    static MnistModelFixture.TrainedModel model;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private PredictionPane pane;

    @BeforeAll
    static void train() throws Exception {
        model = MnistModelFixture.trainMlp(dir);
    }

    @Start
    void start(Stage stage) {
        pane = new PredictionPane(background);
        stage.setScene(new Scene(new VBox(pane.node()), 900, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void settle() throws Exception {
        for (int i = 0; i < 3; i++) { // background work hands results to the FX thread, which may queue more
            background.submit(() -> { }).get(60, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private String title(FxRobot robot) {
        return robot.lookup("#" + PredictionPane.MODEL_ID).queryAs(Label.class).getText();
    }

    @Test
    void anOpenedModelPredictsADroppedDigitWithThreeClassesAndABadFileGetsALine(FxRobot robot) throws Exception {
        robot.interact(() -> pane.openModel(model.file()));
        settle();
        assertThat(robot.lookup("#" + PredictionPane.MODEL_ID).queryAs(Label.class).getText())
                .isEqualTo("Model: mlp from " + model.file().getFileName() + ", test accuracy 0.0% (28x28x1, 10 "
                        + "classes)"); // the fixture's metadata says 0
        Path digit = MnistModelFixture.writeDigit(model.test(), 0, dir.resolve("digit.png"));
        Path broken = Files.writeString(dir.resolve("broken.png"), "not an image");
        robot.interact(() -> pane.open(List.of(digit, broken)));
        settle();
        settle();
        List<javafx.scene.Node> results = pane.results();
        assertThat(results).hasSize(2);
        var error = results.stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).findFirst();
        assertThat(error).hasValueSatisfying(t -> assertThat(t).isEqualTo("broken.png: not an image (not JPEG, "
                + "PNG, BMP or GIF)"));
        var row = (HBox) results.stream().filter(n -> n instanceof HBox).findFirst().orElseThrow();
        var bars = (VBox) row.getChildren().get(1);
        assertThat(bars.getChildren()).hasSize(1 + 3); // the file name, then three classes
        String best = ((Label) ((HBox) bars.getChildren().get(1)).getChildren().get(0)).getText();
        assertThat(best).isEqualTo(model.test().classNames().get(model.test().label(0)));
    }

    @Test
    void aDroppedFolderFillsATableThatExportsAsCsv(FxRobot robot) throws Exception {
        robot.interact(() -> pane.openModel(model.file()));
        settle();
        Path folder = Files.createDirectories(dir.resolve("digits"));
        for (int i = 0; i < 5; i++) {
            MnistModelFixture.writeDigit(model.test(), i, folder.resolve("d" + i + ".png"));
        }
        Files.write(folder.resolve("zero.jpg"), new byte[0]);
        robot.interact(() -> pane.open(List.of(folder)));
        settle();
        WaitForAsyncUtils.waitForFxEvents();
        var rows = pane.table().getItems();
        assertThat(rows).hasSize(6);
        assertThat(rows.stream().filter(r -> r.error() != null)).singleElement()
                .satisfies(r -> assertThat(r.error()).isEqualTo("empty file (0 bytes)"));
        String csv = PredictionCsv.csv(rows);
        assertThat(csv.lines()).hasSize(7).first().isEqualTo("image,class,probability,next_best,problem");
    }

    @Test
    void exportedNamesAndMessagesStayTextInASpreadsheet() {
        String csv = PredictionCsv.csv(List.of(
                new FolderRow("=HYPERLINK(\"http://x\").png", "7", 0.5, "-1", null),
                new FolderRow("a,b.png", "", 0, "", "truncated JPEG\nat byte 12")));
        assertThat(csv).isEqualTo("image,class,probability,next_best,problem\n"
                + "\"'=HYPERLINK(\"\"http://x\"\").png\",7,0.500000,-1,\n"
                + "\"a,b.png\",,,,\"truncated JPEG\nat byte 12\"\n");
    }

    @Test
    void withoutAModelItSaysSo(FxRobot robot) throws Exception {
        Path digit = MnistModelFixture.writeDigit(model.test(), 1, dir.resolve("one.png"));
        robot.interact(() -> pane.open(List.of(digit)));
        settle();
        assertThat(((Label) pane.results().get(0)).getText()).startsWith("No model yet");
    }

    @Test
    void galleryPredictionsExportAsCsvAndClearEmptiesThePane(FxRobot robot) throws Exception {
        robot.interact(() -> pane.openModel(model.file()));
        settle();
        Path digit = MnistModelFixture.writeDigit(model.test(), 2, dir.resolve("two,=odd.png"));
        robot.interact(() -> pane.open(List.of(digit)));
        settle();
        assertThat(robot.lookup("Results, newest first").tryQuery()).isPresent();
        assertThat(robot.lookup("#" + PredictionPane.EXPORT_ID).queryButton().isDisabled()).isFalse();
        Path csv = dir.resolve("gallery.csv");
        robot.interact(() -> pane.model().exportCsv(csv)); // what Export does once the file chooser returns
        settle();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("\"" + digit + "\",");

        robot.clickOn("#" + PredictionPane.CLEAR_ID);
        assertThat(pane.results()).isEmpty();
        assertThat(robot.lookup("#" + PredictionPane.EXPORT_ID).queryButton().isDisabled()).isTrue();
        assertThat(title(robot)).startsWith("Model: "); // Clear keeps the model
    }

    @Test
    void csvQuotesAsRfc4180AndNeutralisesFormulas() {
        String csv = PredictionCsv.csv(List.of(
                new FolderRow("=HYPERLINK(\"http://x\")", "cat,dog", 0.5, "-1 thing", null),
                new FolderRow("two\nlines.png", "", 0, "", "not an \"image\"")));
        assertThat(csv).isEqualTo("image,class,probability,next_best,problem\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",\"cat,dog\",0.500000,\"'-1 thing\",\n"
                + "\"two\nlines.png\",,,,\"not an \"\"image\"\"\"\n");
    }

    @Test
    void aNewProjectDropsOldResultsAndOpensItsLatestRunsModel(FxRobot robot) throws Exception {
        robot.interact(() -> pane.openModel(model.file()));
        settle();
        Path digit = MnistModelFixture.writeDigit(model.test(), 3, dir.resolve("three.png"));
        robot.interact(() -> pane.open(List.of(digit, dir.resolve("missing.png"))));
        settle();
        assertThat(pane.results()).hasSize(2);

        var unsaved = new Project("new", Templates.find("mlp").orElseThrow().spec(), "mnist-mini", null);
        robot.interact(() -> pane.showLatestRunOf(unsaved));
        settle();
        assertThat(pane.results()).isEmpty();
        assertThat(title(robot)).isEqualTo(PredictionModel.NO_MODEL);

        Path projectDir = Files.createDirectories(dir.resolve("project"));
        RunFolder run = RunFolder.createUnder(projectDir.resolve("runs"), "mlp");
        run.writeSpec(Templates.find("mlp").orElseThrow().spec());
        Files.copy(model.file(), run.model());
        run.writeSummary(new RunSummary(RunSummary.FORMAT_VERSION, "mlp", "mnist-mini", RunSummary.COMPLETED, null,
                1, 1, 1, null, null, null, 1, 1, null, null, "test")); // a run that finished with its model
        var saved = new Project("project", Templates.find("mlp").orElseThrow().spec(), "mnist-mini", projectDir);
        robot.interact(() -> pane.showLatestRunOf(saved));
        settle();
        assertThat(title(robot)).isEqualTo("Model: mlp, run " + run.dir().getFileName()
                + ", test accuracy 0.0% (the project's latest run) (28x28x1, 10 classes)");
    }
}

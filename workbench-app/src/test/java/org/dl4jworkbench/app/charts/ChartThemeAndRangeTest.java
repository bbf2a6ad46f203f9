package org.dl4jworkbench.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.dl4jworkbench.core.run.IterationRecord;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.train.EpochEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loss panel's y range against the first minibatches' spike, and the charts' dark colours. */
class ChartThemeAndRangeTest {

    @TempDir
    Path dir;

    /** 1,000 minibatches around 0.3, the first ten at 8: what a badly initialised network logs. */
    private static Chart spiky() {
        var random = new Random(3);
        List<IterationRecord> iterations = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            double loss = i <= 10 ? 8.0 : 0.3 + 0.05 * random.nextGaussian();
            iterations.add(new IterationRecord(i, (i - 1) / 500 + 1, (i - 1) % 500 + 1, loss, 1e-3, 400));
        }
        List<EpochEvent> epochs = List.of(
                new EpochEvent(1, 2, 0.45, 0.9, 0.32, 0.9, 400, Duration.ofSeconds(5), Duration.ZERO),
                new EpochEvent(2, 2, 0.3, 0.92, 0.31, 0.91, 400, Duration.ofSeconds(5), Duration.ZERO));
        return CurvesChart.forCurves(new RunCurves("spiky", "lenet", "mnist-mini", null, iterations, epochs),
                Markers.Outcome.RUNNING, CurvesChart.WIDTH, CurvesChart.HEIGHT);
    }

    @Test
    void theFirstMinibatchesSpikeDoesNotSquashTheLossAxisAndIsMarkedWhereClipped() throws Exception {
        Chart chart = spiky();
        Panel loss = chart.panels().get(0);
        Axis y = ChartPainter.yAxis(loss);

        assertThat(y.max()).as("the top of the loss axis").isLessThan(2).isGreaterThan(0.45);
        assertThat(y.min()).isEqualTo(0);

        Path svg = dir.resolve("curves.svg");
        CurvesChart.write(chart, null, svg);
        assertThat(Files.readString(svg)).contains("off scale: max 8.00");
    }

    @Test
    void theOffScaleNoteTakesARowOfItsOwnBesideTheMarkersLabels() throws Exception {
        var random = new Random(5);
        List<IterationRecord> iterations = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) { // the spike at the start, while a warm-up raises the rate
            double loss = i <= 10 ? 8.0 : 0.3 + 0.05 * random.nextGaussian();
            double lr = i <= 60 ? 1e-3 * i / 60 : 1e-3;
            iterations.add(new IterationRecord(i, (i - 1) / 500 + 1, (i - 1) % 500 + 1, loss, lr, 400));
        }
        Chart chart = CurvesChart.forCurves(new RunCurves("warm", "lenet", "mnist-mini", null, iterations, List.of()),
                Markers.Outcome.RUNNING, CurvesChart.WIDTH, CurvesChart.HEIGHT);
        Path svg = dir.resolve("warm.svg");
        CurvesChart.write(chart, null, svg);
        String text = Files.readString(svg);

        var offScale = java.util.regex.Pattern.compile("<text x=\"[^\"]*\" y=\"([^\"]*)\"[^>]*>off scale")
                .matcher(text);
        var warmUp = java.util.regex.Pattern.compile("<text x=\"[^\"]*\" y=\"([^\"]*)\"[^>]*>warm-up done")
                .matcher(text);
        assertThat(offScale.find()).as("the off-scale note").isTrue();
        assertThat(warmUp.find()).as("the warm-up marker's label").isTrue();
        // both sit at the top left: in one row they were drawn over each other
        assertThat(offScale.group(1)).isNotEqualTo(warmUp.group(1));
    }

    @Test
    void shortOrPercentSeriesAreRangedWhole() {
        var points = new Series("validation", new double[] {1, 2, 3}, new double[] {0.9, 0.2, 0.1}, Palette.VALIDATION,
                Series.Style.LINE_WITH_POINTS);
        var panel = new Panel("Loss", "epoch", "loss", List.of(points), List.of(), false, true, true, "");
        assertThat(ChartPainter.yAxis(panel).max()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void onTheDarkThemeTheChartIsDarkAndItsTextAndSeriesLight() {
        var canvas = new RecordingCanvas(Palette.DARK);
        ChartPainter.paint(spiky(), canvas);

        assertThat(canvas.fills.get(0)).isEqualTo(Palette.DARK.background());
        assertThat(canvas.fills).doesNotContain(Color.WHITE, Palette.PLOT_BACKGROUND);
        assertThat(canvas.texts).contains(Palette.DARK.text()).doesNotContain(Palette.TEXT);
        assertThat(canvas.strokes).contains(Palette.DARK.ink(Palette.TRAINING)).doesNotContain(Palette.BLACK);
        assertThat(brightness(Palette.DARK.ink(Palette.BLACK))).isGreaterThan(brightness(Palette.DARK.background())
                + 0.5);
        assertThat(brightness(Palette.DARK.ink(Palette.TRAINING))).isGreaterThan(brightness(Palette.TRAINING));
    }

    @Test
    void theRunFolderFilesStayLight() throws Exception {
        RunFolder run = RunFixtures.write(dir.resolve("run"), RunFixtures.Options.of("lenet", 2, 50));
        CurvesChart.writeFor(run);
        BufferedImage png = ImageIO.read(run.file(RunFolder.CURVES_PNG).toFile());
        assertThat(png.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(Files.readString(run.file(RunFolder.CURVES_SVG))).contains("#ffffff").doesNotContain("#0d1117");
    }

    private static double brightness(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }

    /** Records the colours drawn with. */
    private static final class RecordingCanvas implements Canvas {
        final Palette.Scheme scheme;
        final List<Color> fills = new ArrayList<>();
        final List<Color> strokes = new ArrayList<>();
        final List<Color> texts = new ArrayList<>();

        RecordingCanvas(Palette.Scheme scheme) {
            this.scheme = scheme;
        }

        @Override
        public Palette.Scheme scheme() {
            return scheme;
        }

        @Override
        public void fillRect(double x, double y, double w, double h, Color fill) {
            fills.add(fill);
        }

        @Override
        public void strokeRect(double x, double y, double w, double h, Color stroke, double width) {
            strokes.add(stroke);
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Color color, double width, boolean dashed) {
            strokes.add(color);
        }

        @Override
        public void polyline(double[] xs, double[] ys, int n, Color color, double width, float opacity,
                             boolean dashed, String label) {
            strokes.add(color);
        }

        @Override
        public void markers(double[] xs, double[] ys, int n, double radius, Color color, String label) {
            strokes.add(color);
        }

        @Override
        public void text(String text, double x, double y, double size, boolean bold, Color color, Anchor anchor,
                         boolean vertical) {
            texts.add(color);
        }

        @Override
        public void clip(double x, double y, double w, double h) {
        }

        @Override
        public void unclip() {
        }
    }
}

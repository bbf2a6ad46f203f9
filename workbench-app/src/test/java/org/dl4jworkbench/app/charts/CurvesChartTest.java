package org.dl4jworkbench.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dl4jworkbench.core.run.IterationRecord;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.run.RunSummary;
import org.dl4jworkbench.core.train.EpochEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CurvesChartTest {

    @TempDir
    Path dir;

    @Test
    void writeForLeavesAPngOfTheChartSizeWithTheSeriesColoursInTheRunFolder() throws Exception {
        RunFolder run = RunFixtures.write(dir.resolve("20261124-100000-lenet"),
                RunFixtures.Options.of("lenet", 3, 120));

        CurvesChart.writeFor(run);

        BufferedImage png = ImageIO.read(run.file(RunFolder.CURVES_PNG).toFile());
        assertThat(png.getWidth()).isEqualTo(CurvesChart.WIDTH);
        assertThat(png.getHeight()).isEqualTo(CurvesChart.HEIGHT);
        Set<Integer> colours = colours(png);
        assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
        assertThat(colours).contains(Palette.TRAINING.getRGB() & 0xFFFFFF, Palette.VALIDATION.getRGB() & 0xFFFFFF);
        assertThat(run.file(RunFolder.CURVES_SVG)).isRegularFile();
        assertThat(run.dir()).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void svgParsesAsXmlAndHasTheTitleAndAPathPerSeries() throws Exception {
        RunFolder run = RunFixtures.write(dir.resolve("20261124-100000-lenet"),
                RunFixtures.Options.of("lenet", 3, 120));
        Path svg = dir.resolve("curves.svg");

        CurvesChart.write(CurvesChart.forRun(run), null, svg);

        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("1.1");
        assertThat(doc.getDocumentElement().getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("20261124-100000-lenet");
        assertThat(seriesPaths(doc)).contains("training, per batch", "training, smoothed",
                "validation (end of epoch)", "training", "validation");
        assertThat(Files.readString(svg)).doesNotContain("NaN", "Infinity");
    }

    @Test
    void aHundredThousandIterationsRenderQuicklyAndTheSvgStaysSmall() throws Exception {
        RunFolder run = RunFixtures.write(dir.resolve("long"), RunFixtures.Options.of("lenet", 50, 2000));
        assertThat(run.readIterations()).hasSize(100_000);

        long start = System.nanoTime();
        CurvesChart.writeFor(run);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(seconds).as("seconds to read and draw 100,000 iterations").isLessThan(10);
        // Downsampled to a few points per pixel column, not a point per iteration.
        assertThat(Files.size(run.file(RunFolder.CURVES_SVG))).isLessThan(400_000);
        assertThat(ImageIO.read(run.file(RunFolder.CURVES_PNG).toFile())).isNotNull();
    }

    @Test
    void aSingleEpochRendersItsPointsOnAReadableScale() throws Exception {
        RunFolder run = RunFixtures.write(dir.resolve("one"), RunFixtures.Options.of("lenet", 1, 50));

        Document doc = parse(svgOf(CurvesChart.forRun(run)));

        assertThat(seriesPaths(doc)).contains("training", "validation");
        assertThat(texts(doc)).contains("epoch", "1");
    }

    @Test
    void aRunThatHasOnlyStartedSaysSoInsteadOfDrawingNothing() throws Exception {
        RunFolder run = RunFolder.at(dir.resolve("fresh"));
        run.writeSpec(RunFixtures.spec("lenet"));

        Chart chart = CurvesChart.forRun(run);
        Document doc = parse(svgOf(chart));

        assertThat(texts(doc)).contains("no iterations logged yet", "no epoch finished yet");
        assertThat(colours(ChartWriter.render(chart)).size()).isGreaterThan(5);
    }

    @Test
    void oneIterationWithAFlatLossStillGetsFiniteCoordinates() throws Exception {
        RunFolder run = RunFolder.at(dir.resolve("flat"));
        run.writeSpec(RunFixtures.spec("mlp"));
        run.appendIterations(List.of(new IterationRecord(0, 1, 1, 0.0, 0.001, 300)));

        Path svg = svgOf(CurvesChart.forRun(run));

        assertThat(Files.readString(svg)).doesNotContain("NaN", "Infinity");
        assertThat(seriesPaths(parse(svg))).contains("training, smoothed");
    }

    @Test
    void aRunWithOnlyIterationsDrawsTheLossAndWaitsForTheFirstEpoch() throws Exception {
        RunFolder run = RunFolder.at(dir.resolve("mid-epoch"));
        run.writeSpec(RunFixtures.spec("mlp"));
        run.appendIterations(List.of(new IterationRecord(1, 1, 1, 2.3, 0.001, 300),
                new IterationRecord(2, 1, 2, 2.1, 0.001, 300), new IterationRecord(3, 1, 3, 1.9, 0.001, 300)));

        Document doc = parse(svgOf(CurvesChart.forRun(run)));

        assertThat(seriesPaths(doc)).contains("training, per batch", "training, smoothed");
        assertThat(texts(doc)).contains("no epoch finished yet");
    }

    @Test
    void notMeasuredMetricsAreLeftOutAndADamagedSummaryDoesNotStopTheChart() throws Exception {
        RunFolder run = RunFixtures.write(dir.resolve("no-validation"),
                RunFixtures.Options.of("mlp", 2, 40).withoutValidation());
        run.appendIterations(List.of(new IterationRecord(81, 3, 1, Double.NaN, 0.001, 300)));
        Files.writeString(run.file(RunFolder.SUMMARY), "{\"status\": \"runn");

        Chart chart = CurvesChart.forRun(run);
        Path svg = svgOf(chart);

        assertThat(seriesPaths(parse(svg))).contains("training").doesNotContain("validation (end of epoch)");
        assertThat(Files.readString(svg)).doesNotContain("NaN");
        assertThat(chart.subtitle()).contains("mlp", "2 epoch(s) logged");
    }

    @Test
    void compareDrawsEachRunInItsOwnColourWithTheRunNamesInTheLegend() throws Exception {
        RunFolder a = RunFixtures.write(dir.resolve("20261124-100000-lenet"), RunFixtures.Options.of("lenet", 4, 60));
        RunFolder b = RunFixtures.write(dir.resolve("20261124-110000-mlp"),
                RunFixtures.Options.of("mlp", 2, 30).floor(0.2, 3));
        Path png = dir.resolve("compare.png");
        Path svg = dir.resolve("compare.svg");

        CurvesChart.write(CurvesChart.compare(List.of(a, b)), png, svg);

        Document doc = parse(svg);
        assertThat(texts(doc)).contains("20261124-100000-lenet (lenet)", "20261124-110000-mlp (mlp)",
                "Validation accuracy", "Training loss (smoothed)");
        assertThat(seriesPaths(doc)).containsSequence("20261124-100000-lenet (lenet)", "20261124-100000-lenet (lenet)")
                .contains("20261124-110000-mlp (mlp)");
        String text = Files.readString(svg);
        assertThat(text).contains(Palette.hex(Palette.series(0)), Palette.hex(Palette.series(1)));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getHeight()).isEqualTo(CurvesChart.COMPARE_HEIGHT);
        assertThat(colours(image)).contains(Palette.series(0).getRGB() & 0xFFFFFF,
                Palette.series(1).getRGB() & 0xFFFFFF);
    }

    @Test
    void aRunStillRunningIsChartedFromWhatItHasLogged() throws Exception {
        RunFolder run = RunFixtures.write(dir.resolve("running"),
                RunFixtures.Options.of("lenet", 2, 30).status(RunSummary.RUNNING, 5));
        run.appendEpoch(new EpochEvent(3, 5, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
                Duration.ZERO, Duration.ZERO));

        Chart chart = CurvesChart.forRun(run);

        assertThat(chart.subtitle()).contains("running", "2 of 5 epochs");
        assertThat(parse(svgOf(chart))).isNotNull();
    }

    private Path svgOf(Chart chart) throws IOException {
        Path svg = Files.createTempFile(dir, "chart", ".svg");
        ChartWriter.writeSvg(chart, svg);
        return svg;
    }

    private static Document parse(Path svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(svg.toFile());
    }

    /** The titles of the series' paths, in drawing order. */
    private static List<String> seriesPaths(Document doc) {
        NodeList paths = doc.getElementsByTagName("path");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < paths.getLength(); i++) {
            NodeList titles = ((Element) paths.item(i)).getElementsByTagName("title");
            if (titles.getLength() > 0) {
                labels.add(titles.item(0).getTextContent());
            }
        }
        return labels;
    }

    private static List<String> texts(Document doc) {
        NodeList texts = doc.getElementsByTagName("text");
        List<String> all = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            all.add(texts.item(i).getTextContent());
        }
        return all;
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours;
    }
}

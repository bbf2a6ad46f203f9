package org.dl4jworkbench.app.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dl4jworkbench.app.charts.Series.Style;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.run.RunFolderListener;
import org.dl4jworkbench.core.run.RunSummary;
import org.dl4jworkbench.core.train.EpochEvent;

/**
 * Training curves of runs: {@link #forRun} draws one run's loss (per batch, smoothed, and
 * validation per epoch, over iterations) beside its accuracy per epoch; {@link #compare}
 * overlays several runs' validation accuracy and smoothed training loss over epochs, a colour
 * per run. {@link #writeFor} is the one call that leaves {@code curves.png} and
 * {@code curves.svg} in a run folder.
 */
public final class CurvesChart {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 500;
    public static final int COMPARE_HEIGHT = 540;

    private static final String DOT = "  \u00b7  ";

    /**
     * Draws the curves into a run folder when its run has ended, for {@code TrainingRun}: the
     * command line and the window leave the same files. Its failure is a warning that says so.
     */
    public static final RunFolderListener FILES = run -> {
        try {
            writeFor(run);
        } catch (IOException | RuntimeException e) {
            throw new IOException("the curves could not be drawn (" + e.getMessage() + ")", e);
        }
    };

    private CurvesChart() {
    }

    /** Writes {@link RunFolder#CURVES_PNG} and {@link RunFolder#CURVES_SVG} into the run folder. */
    public static void writeFor(RunFolder run) throws IOException {
        write(forRun(run), run.file(RunFolder.CURVES_PNG), run.file(RunFolder.CURVES_SVG));
    }

    /** Writes the chart as PNG and as SVG; either path may be null to skip that format. */
    public static void write(Chart chart, Path png, Path svg) throws IOException {
        if (png != null) {
            ChartWriter.writePng(chart, png);
        }
        if (svg != null) {
            ChartWriter.writeSvg(chart, svg);
        }
    }

    public static Chart forRun(RunFolder run) throws IOException {
        return forCurves(RunCurves.read(run), WIDTH, HEIGHT);
    }

    static Chart forCurves(RunCurves curves, int width, int height) {
        return forCurves(curves, Markers.Outcome.of(curves.summary()), width, height);
    }

    /**
     * The run's chart with its {@link Markers}: learning-rate changes, the best epoch and where
     * it ended early, each kind once in the legend (the end with its reason).
     */
    static Chart forCurves(RunCurves curves, Markers.Outcome outcome, int width, int height) {
        List<Markers.Marker> iterationMarkers = curves.iterations().isEmpty() ? List.of()
                : Markers.forIterations(curves.iterations(), curves.epochs(), outcome);
        List<Markers.Marker> epochMarkers = Markers.forEpochs(curves.epochs(), outcome);
        List<LegendEntry> legend = new ArrayList<>();
        for (Markers.Kind kind : Markers.Kind.values()) {
            boolean present = iterationMarkers.stream().anyMatch(m -> m.kind() == kind)
                    || epochMarkers.stream().anyMatch(m -> m.kind() == kind);
            if (present) {
                legend.add(kind.legendEntry(kind == Markers.Kind.END ? Markers.endLegend(outcome) : null));
            }
        }
        return new Chart(curves.name(), subtitle(curves), legend, List.of(lossPanel(curves, iterationMarkers,
                epochMarkers), accuracyPanel(curves, epochMarkers)), width, height);
    }

    public static Chart compare(List<RunFolder> runs) throws IOException {
        List<RunCurves> all = new ArrayList<>();
        for (RunFolder run : runs) {
            all.add(RunCurves.read(run));
        }
        List<LegendEntry> legend = new ArrayList<>();
        List<Series> accuracy = new ArrayList<>();
        List<Series> loss = new ArrayList<>();
        int maxEpoch = 0;
        for (int i = 0; i < all.size(); i++) {
            RunCurves c = all.get(i);
            var color = Palette.series(i);
            boolean dashed = Palette.dashed(i);
            String label = c.name() + (c.network() == null ? "" : " (" + c.network() + ")");
            legend.add(new LegendEntry(label, color, Style.LINE_WITH_POINTS, dashed));
            accuracy.add(new Series(label, c.epochNumbers(), c.validationAccuracies(), color,
                    Style.LINE_WITH_POINTS, dashed));
            double[] losses = c.losses();
            loss.add(new Series(label, c.epochPositions(), Smoothing.ema(losses, Smoothing.spanFor(losses.length)),
                    color, Style.LINE, dashed));
            maxEpoch = Math.max(maxEpoch, c.iterations().isEmpty() ? 0 : c.iterations().get(
                    c.iterations().size() - 1).epoch());
        }
        List<Double> boundaries = new ArrayList<>();
        for (int e = 1; e < maxEpoch; e++) {
            boundaries.add((double) e);
        }
        var accuracyPanel = new Panel("Validation accuracy", "epoch", "validation accuracy", accuracy, List.of(),
                true, true, false, "no run measured validation accuracy");
        var lossPanel = new Panel("Training loss (smoothed)", "epoch", "training loss", loss, boundaries, false,
                false, false, "no run logged iterations");
        String datasets = String.join(", ", all.stream().map(RunCurves::dataset).filter(d -> d != null)
                .distinct().toList());
        String subtitle = "Validation accuracy after each epoch and smoothed training loss, over epochs"
                + (datasets.isEmpty() ? "" : DOT + "on " + datasets);
        return new Chart("Comparing " + all.size() + " runs", subtitle, legend, List.of(accuracyPanel, lossPanel),
                WIDTH, COMPARE_HEIGHT);
    }

    private static Panel lossPanel(RunCurves c, List<Markers.Marker> iterationMarkers,
                                   List<Markers.Marker> epochMarkers) {
        if (c.iterations().isEmpty() && !c.epochs().isEmpty()) {
            // No per-batch log (deleted, or never written): the epoch means still tell the story.
            return new Panel("Loss", "epoch", "loss", List.of(
                    new Series("training (epoch mean)", c.epochNumbers(), c.trainLosses(), Palette.TRAINING,
                            Style.LINE_WITH_POINTS),
                    new Series("validation", c.epochNumbers(), c.validationLosses(), Palette.VALIDATION,
                            Style.LINE_WITH_POINTS)), List.of(), false, true, true, "", epochMarkers);
        }
        double[] x = c.iterationNumbers();
        double[] raw = c.losses();
        Map<Integer, Long> lastIteration = c.lastIterationOfEpoch();
        double[] validationX = new double[c.epochs().size()];
        double[] validationY = c.validationLosses();
        for (int i = 0; i < validationX.length; i++) {
            Long at = lastIteration.get(c.epochs().get(i).epoch());
            validationX[i] = at == null ? Double.NaN : at;
        }
        List<Double> boundaries = new ArrayList<>();
        for (var e : lastIteration.entrySet()) {
            if (lastIteration.containsKey(e.getKey() + 1)) {
                boundaries.add(e.getValue() + 0.5);
            }
        }
        List<Series> series = new ArrayList<>();
        series.add(new Series("training, per batch", x, raw, Palette.TRAINING, Style.FAINT_LINE));
        series.add(new Series("training, smoothed", x, Smoothing.ema(raw, Smoothing.spanFor(raw.length)),
                Palette.TRAINING, Style.LINE));
        if (hasFinite(validationY)) {
            series.add(new Series("validation (end of epoch)", validationX, validationY, Palette.VALIDATION,
                    Style.LINE_WITH_POINTS));
        }
        return new Panel("Loss", "iteration", "loss", series, boundaries, false, false, true,
                "no iterations logged yet", iterationMarkers);
    }

    private static Panel accuracyPanel(RunCurves c, List<Markers.Marker> markers) {
        List<Series> series = new ArrayList<>();
        series.add(new Series("training", c.epochNumbers(), c.trainAccuracies(), Palette.TRAINING,
                Style.LINE_WITH_POINTS));
        if (hasFinite(c.validationAccuracies()) || c.epochs().isEmpty()) {
            series.add(new Series("validation", c.epochNumbers(), c.validationAccuracies(), Palette.VALIDATION,
                    Style.LINE_WITH_POINTS));
        }
        return new Panel("Accuracy", "epoch", "accuracy", series, List.of(), true, true, true,
                "no epoch finished yet", markers);
    }

    /** Network, dataset, status, epochs, best validation and test accuracy, training time: what is known. */
    private static String subtitle(RunCurves c) {
        List<String> parts = new ArrayList<>();
        if (c.network() != null) {
            parts.add(c.network() + (c.dataset() == null ? "" : " on " + c.dataset()));
        }
        RunSummary s = c.summary();
        int epochsDone = s != null ? s.epochsCompleted() : c.epochs().size();
        if (s != null) {
            parts.add(s.status());
            parts.add(s.epochsPlanned() > 0 ? epochsDone + " of " + s.epochsPlanned() + " epochs"
                    : epochsDone + " epoch(s)");
        } else if (!c.epochs().isEmpty()) {
            parts.add(epochsDone + " epoch(s) logged");
        }
        EpochEvent best = c.bestValidationEpoch();
        if (best != null) {
            parts.add(String.format(Locale.ROOT, "best validation accuracy %.2f%% (epoch %d)",
                    best.validationAccuracy() * 100, best.epoch()));
        }
        if (s != null && s.testAccuracy() != null && Double.isFinite(s.testAccuracy())) {
            parts.add(String.format(Locale.ROOT, "test accuracy %.2f%%", s.testAccuracy() * 100));
        }
        if (s != null && s.trainingSeconds() > 0) {
            parts.add("trained in " + duration(s.trainingSeconds()));
        }
        return String.join(DOT, parts);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static boolean hasFinite(double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }
}

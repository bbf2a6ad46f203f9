package org.dl4jworkbench.app.charts;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import org.dl4jworkbench.core.run.IterationRecord;
import org.dl4jworkbench.core.train.EpochEvent;

/**
 * The training curves of a run in progress, drawn on a JavaFX canvas with the same layout as
 * a finished run's curves.png: loss per iteration (raw and smoothed) with validation loss per
 * epoch, and accuracy per epoch. Downsampled to the canvas's width, so 100,000 iterations
 * draw as fast as 1,000.
 */
public final class LiveChart {

    private LiveChart() {
    }

    /** Draws a chart built elsewhere (a run's curves, a comparison) at the chart's own size. */
    public static void draw(GraphicsContext g, Chart chart) {
        draw(g, chart, false);
    }

    /** The same, in the dark theme's colours where {@code dark}. */
    public static void draw(GraphicsContext g, Chart chart, boolean dark) {
        ChartPainter.paint(chart, new FxCanvas(g, dark ? Palette.DARK : Palette.LIGHT));
    }

    /** The same chart at another size. */
    public static Chart resized(Chart chart, double width, double height) {
        return new Chart(chart.title(), chart.subtitle(), chart.legend(), chart.panels(), (int) Math.max(200, width),
                (int) Math.max(150, height));
    }

    public static void draw(GraphicsContext g, double width, double height, String title, String network,
                            String dataset, List<IterationRecord> iterations, List<EpochEvent> epochs) {
        draw(g, width, height, title, network, dataset, iterations, epochs, Markers.Outcome.RUNNING);
    }

    /** The curves with the markers of {@code outcome}: how the run ended, {@link Markers.Outcome#RUNNING} before. */
    public static void draw(GraphicsContext g, double width, double height, String title, String network,
                            String dataset, List<IterationRecord> iterations, List<EpochEvent> epochs,
                            Markers.Outcome outcome) {
        draw(g, width, height, title, network, dataset, iterations, epochs, outcome, false);
    }

    /** The same, in the dark theme's colours where {@code dark}. */
    public static void draw(GraphicsContext g, double width, double height, String title, String network,
                            String dataset, List<IterationRecord> iterations, List<EpochEvent> epochs,
                            Markers.Outcome outcome, boolean dark) {
        var curves = new RunCurves(title, network, dataset, null, iterations, epochs);
        Chart chart = CurvesChart.forCurves(curves, outcome, (int) Math.max(200, width),
                (int) Math.max(150, height));
        draw(g, chart, dark);
    }
}

package org.dl4jworkbench.app.charts;

import java.util.List;

/**
 * One plot of a {@link Chart}: its series, axis labels, faint vertical lines (epoch
 * boundaries, in x units), whether y is a fraction shown as a percentage, whether x counts
 * whole things (epochs: integer ticks only), what to say when there is nothing to draw, and
 * {@link Markers.Marker markers}: labelled vertical lines for events (learning-rate changes,
 * the best epoch, where the run stopped).
 */
public record Panel(String title, String xLabel, String yLabel, List<Series> series, List<Double> verticalLines,
                    boolean percent, boolean integerX, boolean showLegend, String emptyMessage,
                    List<Markers.Marker> markers) {

    public Panel {
        series = List.copyOf(series);
        verticalLines = List.copyOf(verticalLines);
        markers = List.copyOf(markers);
    }

    /** A panel without markers. */
    public Panel(String title, String xLabel, String yLabel, List<Series> series, List<Double> verticalLines,
                 boolean percent, boolean integerX, boolean showLegend, String emptyMessage) {
        this(title, xLabel, yLabel, series, verticalLines, percent, integerX, showLegend, emptyMessage, List.of());
    }

    public boolean hasData() {
        return series.stream().anyMatch(Series::hasData);
    }

    public List<LegendEntry> legend() {
        return series.stream().filter(s -> s.label() != null).map(Series::legendEntry).toList();
    }
}

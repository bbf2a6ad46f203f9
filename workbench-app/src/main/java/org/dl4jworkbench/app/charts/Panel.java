package org.dl4jworkbench.app.charts;

import java.util.List;

/**
 * One plot of a {@link Chart}: its series, axis labels, faint vertical lines (epoch
 * boundaries, in x units), whether y is a fraction shown as a percentage, whether x counts
 * whole things (epochs: integer ticks only), and what to say when there is nothing to draw.
 */
public record Panel(String title, String xLabel, String yLabel, List<Series> series, List<Double> verticalLines,
                    boolean percent, boolean integerX, boolean showLegend, String emptyMessage) {

    public Panel {
        series = List.copyOf(series);
        verticalLines = List.copyOf(verticalLines);
    }

    public boolean hasData() {
        return series.stream().anyMatch(Series::hasData);
    }

    public List<LegendEntry> legend() {
        return series.stream().filter(s -> s.label() != null).map(Series::legendEntry).toList();
    }
}

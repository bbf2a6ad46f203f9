package org.dl4jworkbench.app.charts;

import java.util.List;

/**
 * A figure of panels side by side under a title, a subtitle (may be empty) and a legend shared
 * by all panels (may be empty: panels can carry their own), {@code width} x {@code height}
 * pixels. Rendered by {@link ChartWriter}.
 */
public record Chart(String title, String subtitle, List<LegendEntry> legend, List<Panel> panels, int width,
                    int height) {

    public Chart {
        legend = List.copyOf(legend);
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one panel");
        }
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("a chart needs at least 200x150 pixels, not " + width + "x" + height);
        }
    }
}

package org.dl4jworkbench.app.charts;

import java.awt.Color;

/** A legend's sample (drawn like the series) and label. */
public record LegendEntry(String label, Color color, Series.Style style, boolean dashed) {
}

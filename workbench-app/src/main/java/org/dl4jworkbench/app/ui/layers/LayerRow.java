package org.dl4jworkbench.app.ui.layers;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import org.dl4jworkbench.core.inspect.LayerFlag;
import org.dl4jworkbench.core.inspect.LayerOutput;
import org.dl4jworkbench.core.inspect.LayerStats;

/**
 * One layer in the layers view: on the left its name, type, output shape, statistics and flags
 * (highlighted, with their reasons); on the right what it made of the image: a grid of feature
 * maps, the activations of a dense layer as bars, or the output layer's classes as labelled bars.
 */
final class LayerRow {

    /** Above this many classes (ImageNet's 1,000) only the likeliest are labelled. */
    static final int LABELLED_CLASSES = 20;
    static final double BARS_WIDTH = 760;
    static final double BARS_HEIGHT = 64;

    private LayerRow() {
    }

    static Node of(LayerOutput layer, List<Image> maps) {
        var info = info(layer);
        Node content = layer.hasMaps() ? maps(layer, maps)
                : layer.labels().isEmpty() ? bars(layer) : classes(layer);
        var row = new HBox(16, info, content);
        // a FlowPane inside an HBox is measured at its preferred wrap length: wrap at the room there is
        content.lookupAll("." + LayersView.MAPS).forEach(n -> ((FlowPane) n).prefWrapLengthProperty()
                .bind(row.widthProperty().subtract(info.getPrefWidth() + 40)));
        row.setId(LayersView.rowId(layer.name()));
        row.getStyleClass().add(LayersView.ROW);
        if (!layer.flags().isEmpty()) {
            row.getStyleClass().add(LayersView.ROW_FLAGGED);
        }
        HBox.setHgrow(content, Priority.ALWAYS);
        return row;
    }

    private static VBox info(LayerOutput layer) {
        var name = new Label(layer.name());
        name.getStyleClass().add("layer-name");
        String kind = layer.type() + (layer.activation().isEmpty() || layer.activation().equals("identity") ? ""
                : ", " + layer.activation());
        var type = new Label(kind + "  \u2192  " + layer.shape());
        type.getStyleClass().add("hint");
        LayerStats s = layer.stats();
        var stats = new Label(String.format(Locale.ROOT, "mean %s   deviation %s%nmin %s   max %s%nzeros %.1f%%%s",
                number(s.mean()), number(s.deviation()), number(s.min()), number(s.max()), s.zeroShare() * 100,
                s.maps() > 0 ? String.format(Locale.ROOT, "   all-zero maps %d of %d", s.zeroMaps(), s.maps()) : ""));
        stats.getStyleClass().add(LayersView.STATS);
        var box = new VBox(4, name, type, stats);
        for (LayerFlag flag : layer.flags()) {
            var label = new Label(flag.kind().word() + ": " + flag.reason());
            label.setWrapText(true);
            label.getStyleClass().addAll(LayersView.FLAG, flag.kind() == LayerFlag.Kind.DEAD ? LayersView.FLAG_DEAD
                    : LayersView.FLAG_SATURATED);
            box.getChildren().add(label);
        }
        box.setMinWidth(290);
        box.setPrefWidth(290);
        box.setMaxWidth(290);
        return box;
    }

    private static Node maps(LayerOutput layer, List<Image> images) {
        var grid = new FlowPane(4, 4);
        grid.getStyleClass().add(LayersView.MAPS);
        for (int i = 0; i < images.size(); i++) {
            var view = new ImageView(images.get(i));
            var frame = new HBox(view);
            frame.getStyleClass().add(layer.maps().get(i).allZero() ? "feature-map-zero" : "feature-map");
            Tooltip.install(frame, new Tooltip("map " + layer.maps().get(i).channel()
                    + (layer.maps().get(i).allZero() ? ": zero everywhere" : "")));
            grid.getChildren().add(frame);
        }
        var box = new VBox(4, grid);
        if (layer.mapsLeftOut() > 0) {
            var more = new Label(String.format(Locale.ROOT, "and %,d more maps not shown", layer.mapsLeftOut()));
            more.getStyleClass().add("hint");
            box.getChildren().add(more);
        }
        return box;
    }

    /**
     * Every unit as a thin bar, one path (so 1,024 units cost one node), from a zero line that
     * sits at the bottom unless the layer has negative values; styled by the theme.
     */
    private static Node bars(LayerOutput layer) {
        float[] v = layer.values();
        double low = Math.min(0, layer.low());
        double high = Math.max(0, layer.high());
        double range = high - low;
        double zero = range > 0 ? BARS_HEIGHT * high / range : BARS_HEIGHT;
        double step = BARS_WIDTH / Math.max(1, v.length);
        var path = new Path();
        path.getStyleClass().add(LayersView.BARS);
        for (int i = 0; i < v.length; i++) {
            double top = range > 0 ? zero - BARS_HEIGHT * v[i] / range : zero;
            double x = i * step;
            double w = Math.max(0.6, step * 0.8);
            path.getElements().addAll(new MoveTo(x, zero), new LineTo(x, top), new LineTo(x + w, top),
                    new LineTo(x + w, zero), new LineTo(x, zero));
        }
        var scale = new Label(String.format(Locale.ROOT, "%,d units; highest %s, lowest %s", v.length,
                number(layer.high()), number(layer.low())));
        scale.getStyleClass().add("hint");
        var chart = new javafx.scene.layout.Pane(path);
        chart.setMinSize(BARS_WIDTH, BARS_HEIGHT);
        chart.setPrefSize(BARS_WIDTH, BARS_HEIGHT);
        chart.setMaxSize(BARS_WIDTH, BARS_HEIGHT);
        chart.getStyleClass().add("activation-chart");
        return new VBox(4, chart, scale);
    }

    /** The output layer: a labelled bar per class (the likeliest {@value #LABELLED_CLASSES} of many). */
    private static Node classes(LayerOutput layer) {
        float[] v = layer.values();
        List<Integer> order = IntStream.range(0, v.length).boxed().toList();
        if (v.length > LABELLED_CLASSES) {
            order = order.stream().sorted(Comparator.comparingDouble((Integer i) -> -v[i])).limit(LABELLED_CLASSES / 2)
                    .toList();
        }
        var box = new VBox(2);
        box.getStyleClass().add(LayersView.CLASSES);
        for (int i : order) {
            var name = new Label(layer.labels().get(i));
            name.setMinWidth(120);
            name.setPrefWidth(120);
            name.setMaxWidth(120);
            name.setTextOverrun(OverrunStyle.ELLIPSIS);
            var fill = new Region();
            fill.getStyleClass().add("probability-bar");
            fill.setPrefWidth(Math.max(2, 360 * v[i]));
            fill.setMinWidth(Region.USE_PREF_SIZE);
            fill.setMinHeight(12);
            var percent = new Label(String.format(Locale.ROOT, "%.2f%%", v[i] * 100));
            percent.setMinWidth(Region.USE_PREF_SIZE);
            var row = new HBox(8, name, fill, percent);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        if (v.length > LABELLED_CLASSES) {
            var rest = new Label(String.format(Locale.ROOT, "the likeliest %d of %,d classes", order.size(), v.length));
            rest.getStyleClass().add("hint");
            box.getChildren().add(rest);
        }
        return box;
    }

    /** Four significant digits, without an exponent for everyday sizes. */
    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.3e", v);
    }
}

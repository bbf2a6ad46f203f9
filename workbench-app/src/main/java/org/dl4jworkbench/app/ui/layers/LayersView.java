package org.dl4jworkbench.app.ui.layers;

import java.util.Locale;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dl4jworkbench.core.inspect.FilterImages;
import org.dl4jworkbench.core.inspect.NetworkInspection;

/**
 * The layers view's scrolling content for one {@link LayersShown}: the image as the network
 * took it with the model and the flagged layers, the first convolution's filters, then a row
 * per layer ({@link LayerRow}). Style class names are here; their colours, from the theme's
 * variables only, are in layers.css.
 */
final class LayersView {

    static final String LIST_ID = "layers-list";
    static final String SUMMARY_ID = "layers-summary";
    static final String FILTERS_ID = "layers-filters";
    static final String ROW = "layer-row";
    static final String ROW_FLAGGED = "layer-row-flagged";
    static final String STATS = "layer-stats";
    static final String FLAG = "layer-flag";
    static final String FLAG_DEAD = "layer-flag-dead";
    static final String FLAG_SATURATED = "layer-flag-saturated";
    static final String MAPS = "feature-maps";
    static final String BARS = "activation-bars";
    static final String CLASSES = "class-bars";

    private final VBox list = new VBox(10);
    private final ScrollPane scroll = new ScrollPane(list);

    LayersView() {
        list.setId(LIST_ID);
        list.setPadding(new Insets(10));
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
    }

    static String rowId(String layer) {
        return "layer-" + layer.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    Node node() {
        return scroll;
    }

    void show(LayersShown shown) {
        if (shown == null) {
            list.getChildren().clear();
            return;
        }
        list.getChildren().setAll(header(shown));
        shown.inspection().firstFilters().ifPresent(f -> list.getChildren().add(filters(f, shown)));
        for (int i = 0; i < shown.layers().size(); i++) {
            list.getChildren().add(LayerRow.of(shown.layers().get(i), shown.mapsOf(i)));
        }
        scroll.setVvalue(0);
    }

    private static Node header(LayersShown shown) {
        NetworkInspection inspection = shown.inspection();
        var image = new ImageView(shown.input());
        image.getStyleClass().add("network-input");
        var title = new Label(inspection.source());
        title.getStyleClass().add("section-title");
        var model = new Label(shown.model());
        model.getStyleClass().add("hint");
        String input = String.format(Locale.ROOT, "As the network takes it: %dx%dx%d", inspection.height(),
                inspection.width(), inspection.channels());
        var flagged = inspection.flagged();
        var summary = new Label(flagged.isEmpty() ? "No layer is flagged dead or saturated for this image."
                : flagged.size() + " of " + inspection.layers().size() + " layers flagged: " + flagged.stream()
                .map(l -> l.name() + " (" + l.flags().stream().map(f -> f.kind().word()).distinct()
                        .collect(Collectors.joining(", ")) + ")").collect(Collectors.joining(", ")));
        summary.setId(SUMMARY_ID);
        summary.setWrapText(true);
        summary.getStyleClass().add(flagged.isEmpty() ? "layers-summary" : "layers-summary-flagged");
        var text = new VBox(4, title, model, new Label(input), summary);
        if (!inspection.note().isEmpty()) {
            var note = new Label(inspection.note());
            note.getStyleClass().add("hint");
            text.getChildren().add(note);
        }
        var box = new HBox(14, image, text);
        box.setAlignment(Pos.TOP_LEFT);
        box.getStyleClass().add("layers-header");
        HBox.setHgrow(text, Priority.ALWAYS);
        return box;
    }

    private Node filters(FilterImages f, LayersShown shown) {
        var title = new Label(String.format(Locale.ROOT, "Filters of %s, the first convolution: %d of %dx%dx%d%s",
                f.layer(), f.count(), f.height(), f.width(), f.channels(), f.channels() == 3 ? " (as colour)"
                        : f.channels() == 1 ? "" : " (first input channel, grey)"));
        title.getStyleClass().add("layer-name");
        var hint = new Label("Each on its own scale: grey is a weight of zero, lighter positive, darker negative.");
        hint.getStyleClass().add("hint");
        var grid = new FlowPane(4, 4);
        grid.prefWrapLengthProperty().bind(list.widthProperty().subtract(40));
        for (int i = 0; i < shown.filters().size(); i++) {
            var frame = new HBox(new ImageView(shown.filters().get(i)));
            frame.getStyleClass().add("feature-map");
            Tooltip.install(frame, new Tooltip("filter " + i));
            grid.getChildren().add(frame);
        }
        var box = new VBox(4, title, hint, grid);
        if (f.leftOut() > 0) {
            var more = new Label(String.format(Locale.ROOT, "and %,d more filters not shown", f.leftOut()));
            more.getStyleClass().add("hint");
            box.getChildren().add(more);
        }
        box.setId(FILTERS_ID);
        box.getStyleClass().add(ROW);
        return box;
    }

    /** The row of layer {@code name}, for tests. */
    Node row(String name) {
        return list.lookup("#" + rowId(name));
    }
}

package org.dl4jworkbench.app.ui.dataset;

import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Images per class as horizontal bars, one row per class, each bar split into training,
 * validation and test, with the three counts beside it. Rows are {@link #ROW_HEIGHT} high so
 * they line up with the sample rows next to them; a click on a row shows more of that class.
 */
final class ClassCountsView {

    static final String ID = "class-counts";
    static final double ROW_HEIGHT = 44;
    static final double BAR_WIDTH = 106;

    private final VBox root = new VBox();
    private final IntConsumer onClass;

    ClassCountsView(IntConsumer onClass) {
        this.onClass = onClass;
        root.setId(ID);
        root.getStyleClass().add("class-counts");
    }

    Node node() {
        return root;
    }

    static Node legend() {
        var legend = new HBox(12, key("training", "split-train"), key("validation", "split-validation"),
                key("test", "split-test"));
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.setMinHeight(24);
        return legend;
    }

    void show(DatasetStats stats) {
        root.getChildren().clear();
        double largest = Math.max(1, stats.largestClass());
        for (int c = 0; c < stats.classes().size(); c++) {
            DatasetStats.ClassCount count = stats.classes().get(c);
            var name = new Label(count.name());
            name.setId("class-name-" + c);
            name.getStyleClass().add("class-name");
            name.setMinWidth(86);
            name.setPrefWidth(86);
            var bar = new HBox(segment(count.train(), largest, "split-train"),
                    segment(count.validation(), largest, "split-validation"), segment(count.test(), largest,
                    "split-test"));
            bar.setAlignment(Pos.CENTER_LEFT);
            bar.setMinWidth(BAR_WIDTH);
            bar.setPrefWidth(BAR_WIDTH);
            var numbers = new Label(String.format(Locale.ROOT, "%,d / %,d / %,d", count.train(), count.validation(),
                    count.test()));
            numbers.setId("class-count-" + c);
            numbers.getStyleClass().add("class-numbers");
            var row = new HBox(8, name, bar, numbers);
            row.setId("class-" + c);
            row.getStyleClass().add("class-row");
            row.setAlignment(Pos.CENTER_LEFT);
            row.setMinHeight(ROW_HEIGHT);
            row.setPrefHeight(ROW_HEIGHT);
            row.setMaxHeight(ROW_HEIGHT);
            Tooltip.install(row, new Tooltip(String.format(Locale.ROOT, "%s: %,d training, %,d validation and %,d "
                    + "test images. Click to see more of them.", count.name(), count.train(), count.validation(),
                    count.test())));
            int index = c;
            row.setOnMouseClicked(e -> onClass.accept(index));
            row.setFocusTraversable(true); // Tab to a class, Enter or Space shows more of it
            row.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                    onClass.accept(index);
                    e.consume();
                }
            });
            root.getChildren().add(row);
        }
    }

    private static Region segment(int count, double largest, String styleClass) {
        var r = new Region();
        double width = Math.round(BAR_WIDTH * count / largest);
        r.setMinWidth(width);
        r.setPrefWidth(width);
        r.setMaxWidth(width);
        r.setPrefHeight(16);
        r.setMaxHeight(16);
        r.getStyleClass().addAll("split-bar", styleClass);
        return r;
    }

    private static Node key(String text, String styleClass) {
        var swatch = new Region();
        swatch.setPrefSize(10, 10);
        swatch.setMaxSize(10, 10);
        swatch.getStyleClass().addAll("split-bar", styleClass);
        var label = new Label(text);
        label.getStyleClass().add("hint");
        var key = new HBox(4, swatch, label);
        key.setAlignment(Pos.CENTER_LEFT);
        return key;
    }
}

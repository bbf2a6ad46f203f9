package org.dl4jworkbench.app.ui.evaluation;

import java.util.Arrays;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import org.dl4jworkbench.core.train.Evaluation;

/**
 * A confusion-matrix heat map (rows: true class, columns: predicted): diagonal cells in green,
 * mistakes in red, stronger for more images; a click on a cell calls back with its classes.
 * Column heads read upwards, so class names of any length fit over narrow cells.
 */
final class ConfusionMatrix {

    /** What a click on a cell asks for. */
    interface CellAction {
        void open(int actual, int predicted);
    }

    private ConfusionMatrix() {
    }

    static Node of(Evaluation e, CellAction action) {
        int n = e.classNames().size();
        int[][] m = e.confusion();
        int max = 1;
        for (int[] row : m) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        var grid = new GridPane();
        grid.setId("confusion-matrix");
        grid.setHgap(1);
        grid.setVgap(1);
        double cell = n <= 10 ? 40 : n <= 20 ? 26 : 16;
        var corner = new Label("true \\ predicted");
        corner.getStyleClass().add("hint");
        GridPane.setValignment(corner, VPos.BOTTOM);
        grid.add(corner, 0, 0);
        // Long names read upwards ("automobile" then needs no more width than "0"); digits stay level.
        boolean upwards = e.classNames().stream().anyMatch(name -> name.length() > 2);
        for (int c = 0; c < n; c++) {
            String name = e.classNames().get(c);
            var head = new Label(name);
            head.setId("column-head-" + c);
            head.setRotate(upwards ? -90 : 0);
            head.setTooltip(new Tooltip("predicted " + name));
            var rotated = new Group(head);
            GridPane.setHalignment(rotated, HPos.CENTER);
            GridPane.setValignment(rotated, VPos.BOTTOM);
            grid.add(rotated, c + 1, 0);
            var rowHead = new Label(name);
            rowHead.setTooltip(new Tooltip("true " + name));
            grid.add(rowHead, 0, c + 1);
        }
        for (int actual = 0; actual < n; actual++) {
            int rowTotal = Arrays.stream(m[actual]).sum();
            for (int predicted = 0; predicted < n; predicted++) {
                int count = m[actual][predicted];
                double share = (double) count / max;
                var label = new Label(count == 0 ? "" : Integer.toString(count));
                var box = new StackPane(label);
                box.setAlignment(Pos.CENTER);
                box.setId("cell-" + actual + "-" + predicted);
                box.setMinSize(cell, cell);
                box.setMaxSize(cell, cell);
                box.getStyleClass().add(actual == predicted ? "cell-right" : "cell-wrong");
                box.setStyle(String.format(Locale.ROOT, "-fx-background-color: %s;", color(share,
                        actual == predicted)));
                label.setStyle(share > 0.55 ? "-fx-text-fill: white;" : "");
                Tooltip.install(box, new Tooltip(String.format(Locale.ROOT, "%s taken for %s: %d of %d",
                        e.classNames().get(actual), e.classNames().get(predicted), count, rowTotal)));
                int a = actual;
                int p = predicted;
                box.setOnMouseClicked(ev -> action.open(a, p));
                grid.add(box, predicted + 1, actual + 1);
            }
        }
        return grid;
    }

    /** Diagonal cells in green, mistakes in red, stronger for more images. */
    private static String color(double share, boolean right) {
        double alpha = share == 0 ? 0.04 : 0.12 + 0.88 * Math.sqrt(share);
        return right ? String.format(Locale.ROOT, "rgba(26,127,55,%.3f)", alpha)
                : String.format(Locale.ROOT, "rgba(207,34,46,%.3f)", alpha);
    }
}

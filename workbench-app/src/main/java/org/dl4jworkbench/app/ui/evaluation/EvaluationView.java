package org.dl4jworkbench.app.ui.evaluation;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.dl4jworkbench.app.ui.predict.Images;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.train.Evaluation;

/**
 * How a trained model does on the test images: a confusion-matrix heat map (rows: true class,
 * columns: predicted) where a click on a cell opens the gallery of those test images, most
 * confident first, each with its true and predicted class; and per-class precision, recall
 * and F1 in a table.
 */
public final class EvaluationView {

    public static final String ID = "evaluation";
    public static final String GALLERY_ID = "gallery";

    private final VBox root = new VBox(12);
    private final FlowPane gallery = new FlowPane(8, 8);
    private final Label galleryTitle = new Label("Click a cell to see its images.");
    private Evaluation evaluation;
    private ImageSet test;
    private double[] confidences;

    public EvaluationView() {
        root.setId(ID);
        root.setUserData(this); // for screenshots, which find the view in the window
        root.setPadding(new Insets(12));
        gallery.setId(GALLERY_ID);
        galleryTitle.getStyleClass().add("section-title");
        root.getChildren().setAll(new Label("No evaluation yet: it appears when a run ends."));
    }

    public Node node() {
        var scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /**
     * Shows an evaluation of {@code test}. {@code confidences[i]} is the predicted class's
     * probability for test image i (for sorting the gallery), where known.
     */
    public void show(Evaluation e, ImageSet testImages, double[] predictedConfidence) {
        evaluation = e;
        test = testImages;
        confidences = predictedConfidence;
        var summary = new Label(String.format(Locale.ROOT, "Test accuracy %.2f%% (%,d of %,d), top-%d accuracy %.2f%%",
                e.accuracy() * 100, e.correct(), e.total(), e.topK(), e.topKAccuracy() * 100));
        summary.getStyleClass().add("section-title");
        summary.setId("evaluation-summary");
        var matrix = heatMap(e);
        var table = perClass(e);
        var top = new HBox(24, matrix, table);
        HBox.setHgrow(table, Priority.ALWAYS);
        gallery.getChildren().clear();
        galleryTitle.setText("Click a cell to see its images.");
        root.getChildren().setAll(summary, top, galleryTitle, gallery);
    }

    private Node heatMap(Evaluation e) {
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
        grid.add(corner, 0, 0);
        for (int c = 0; c < n; c++) {
            var head = new Label(abbreviate(e.classNames().get(c)));
            head.setMinWidth(cell);
            head.setAlignment(Pos.CENTER);
            grid.add(head, c + 1, 0);
            grid.add(new Label(e.classNames().get(c)), 0, c + 1);
        }
        for (int actual = 0; actual < n; actual++) {
            int rowTotal = java.util.Arrays.stream(m[actual]).sum();
            for (int predicted = 0; predicted < n; predicted++) {
                int count = m[actual][predicted];
                double share = (double) count / max;
                var label = new Label(count == 0 ? "" : Integer.toString(count));
                var box = new StackPane(label);
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
                box.setOnMouseClicked(ev -> showCell(a, p));
                grid.add(box, predicted + 1, actual + 1);
            }
        }
        return grid;
    }

    /** Opens the gallery of the test images of true class {@code actual} predicted as {@code predicted}. */
    public void showCell(int actual, int predicted) {
        gallery.getChildren().clear();
        List<Integer> images = new java.util.ArrayList<>();
        if (actual != predicted) {
            for (Evaluation.Mistake m : evaluation.mistakes()) { // already most confident first
                if (m.actual() == actual && m.predicted() == predicted) {
                    images.add(m.index());
                }
            }
        } else {
            java.util.Set<Integer> wrong = new java.util.HashSet<>();
            evaluation.mistakes().forEach(m -> wrong.add(m.index()));
            for (int i = 0; i < test.size(); i++) {
                if (test.label(i) == actual && !wrong.contains(i)) {
                    images.add(i);
                }
            }
            if (confidences != null) {
                images.sort((x, y) -> Double.compare(confidences[y], confidences[x]));
            }
        }
        galleryTitle.setText(String.format(Locale.ROOT, "%s taken for %s: %,d image(s)%s",
                evaluation.classNames().get(actual), evaluation.classNames().get(predicted), images.size(),
                images.size() > 60 ? ", the 60 most confident shown" : ""));
        int zoom = Math.max(1, 64 / Math.max(test.height(), test.width()));
        for (int index : images.subList(0, Math.min(60, images.size()))) {
            byte[] pixels = new byte[test.imageSize()];
            test.copyBytes(index, pixels, 0);
            var view = new ImageView(Images.fromPlanar(pixels, test.height(), test.width(), test.channels(), zoom));
            Double confidence = confidences != null ? Double.valueOf(confidences[index]) : mistakeConfidence(index);
            String caption = String.format(Locale.ROOT, "#%d %s\u2192%s%s", index, evaluation.classNames().get(actual),
                    evaluation.classNames().get(predicted), confidence == null ? ""
                            : String.format(Locale.ROOT, " %.0f%%", confidence * 100));
            var label = new Label(caption);
            label.getStyleClass().add("hint");
            var item = new VBox(2, view, label);
            item.getStyleClass().add("gallery-item");
            gallery.getChildren().add(item);
        }
    }

    private Double mistakeConfidence(int index) {
        return evaluation.mistakes().stream().filter(m -> m.index() == index).findFirst()
                .map(Evaluation.Mistake::confidence).orElse(null);
    }

    private static Node perClass(Evaluation e) {
        var table = new TableView<Evaluation.ClassMetrics>();
        table.setId("per-class");
        table.getItems().setAll(e.perClass());
        table.getColumns().add(column("Class", Evaluation.ClassMetrics::name));
        table.getColumns().add(column("Precision", c -> percent(c.precision())));
        table.getColumns().add(column("Recall", c -> percent(c.recall())));
        table.getColumns().add(column("F1", c -> percent(c.f1())));
        table.getColumns().add(column("Images", c -> String.format(Locale.ROOT, "%,d", c.support())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(Math.min(420, 32 + 26 * e.classNames().size()));
        return table;
    }

    private static TableColumn<Evaluation.ClassMetrics, String> column(String title,
            java.util.function.Function<Evaluation.ClassMetrics, String> value) {
        TableColumn<Evaluation.ClassMetrics, String> c = new TableColumn<>(title);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    /** Diagonal cells in green, mistakes in red, stronger for more images. */
    private static String color(double share, boolean right) {
        double alpha = share == 0 ? 0.04 : 0.12 + 0.88 * Math.sqrt(share);
        return right ? String.format(Locale.ROOT, "rgba(26,127,55,%.3f)", alpha)
                : String.format(Locale.ROOT, "rgba(207,34,46,%.3f)", alpha);
    }

    private static String abbreviate(String s) {
        return s.length() <= 6 ? s : s.substring(0, 5) + "\u2026";
    }
}

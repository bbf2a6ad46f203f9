package org.dl4jworkbench.app.ui.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dl4jworkbench.app.ui.predict.Images;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.train.Evaluation;

/**
 * How a trained model does on the test images: a line saying which run and data (where
 * known), a confusion-matrix heat map where a click on a cell opens the gallery of those test
 * images, most confident first, each with its true and predicted class and its file (or its
 * position in the test set); and per-class precision, recall and F1 in a table. The gallery
 * needs the test images; without them the view says why. Its images are made on the
 * executor given (the data executor) and shown in one update.
 */
public final class EvaluationView {

    public static final String ID = "evaluation";
    public static final String GALLERY_ID = "gallery";
    public static final String ABOUT_ID = "evaluation-about";
    /** Shown per cell at most. */
    static final int SHOWN = 60;

    private final Executor decode;
    private final VBox root = new VBox(12);
    private final FlowPane gallery = new FlowPane(8, 8);
    private final Label galleryTitle = new Label();
    private final Label about = new Label();
    private Evaluation evaluation;
    private ImageSet test;
    private double[] confidences;
    private BackgroundTask<List<Image>> galleryImages;
    private final GalleryExplain explain;

    /** @param predictor the model of the gallery's heat maps ("why was this 4 taken for a 9?"): the Predict tab's */
    public EvaluationView(Executor decode, ObservableValue<Predictor> predictor) {
        this(decode);
        explain.explainWith(predictor);
    }

    /** @param decode where the gallery's images are made (the data executor) */
    public EvaluationView(Executor decode) {
        this.decode = decode;
        this.explain = new GalleryExplain(decode);
        root.setId(ID);
        root.setUserData(this); // for screenshots, which find the view in the window
        root.setPadding(new Insets(12));
        gallery.setId(GALLERY_ID);
        galleryTitle.getStyleClass().add("section-title");
        galleryTitle.setId("gallery-title");
        galleryTitle.setWrapText(true);
        about.setId(ABOUT_ID);
        about.getStyleClass().add("hint");
        about.setWrapText(true);
        clear("No evaluation yet: it appears when a run ends, or when a run is opened in Runs.");
    }

    public Node node() {
        var scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** Shows {@code message} instead of an evaluation. */
    public void clear(String message) {
        cancelGallery();
        evaluation = null;
        test = null;
        confidences = null;
        var label = new Label(message);
        label.setId("evaluation-empty");
        root.getChildren().setAll(label);
    }

    /**
     * Shows an evaluation of {@code testImages}. {@code predictedConfidence[i]} is the
     * predicted class's probability for test image i (for sorting the gallery), where known.
     */
    public void show(Evaluation e, ImageSet testImages, double[] predictedConfidence) {
        show(e, testImages, predictedConfidence, null);
    }

    /**
     * Shows an evaluation with a line {@code aboutText} over it (which run, which data; may be
     * null). {@code testImages} may be null: the matrix and table show, and the gallery says
     * {@code aboutText} (why there are no images) until {@link #images} brings them.
     */
    public void show(Evaluation e, ImageSet testImages, double[] predictedConfidence, String aboutText) {
        cancelGallery();
        evaluation = e;
        test = testImages;
        confidences = predictedConfidence;
        about.setText(aboutText == null ? "" : aboutText);
        int classes = e.classNames().size();
        boolean topK = e.topK() > 1 && e.topK() < classes; // with 2 classes a top-2 is always right: say nothing
        var summary = new Label(String.format(Locale.ROOT, "Test accuracy %.2f%% (%,d of %,d)%s",
                e.accuracy() * 100, e.correct(), e.total(), topK ? String.format(Locale.ROOT,
                        ", top-%d accuracy %.2f%%", e.topK(), e.topKAccuracy() * 100) : ""));
        summary.getStyleClass().add("section-title");
        summary.setId("evaluation-summary");
        var matrix = ConfusionMatrix.of(e, this::showCell);
        var table = perClass(e);
        var top = new HBox(24, matrix, table);
        HBox.setHgrow(table, Priority.ALWAYS);
        gallery.getChildren().clear();
        galleryTitle.setText(galleryHint());
        root.getChildren().setAll(summary, top, galleryTitle, explain.bar(), gallery);
        if (aboutText != null) {
            root.getChildren().add(0, about);
        }
    }

    /** The test images of the evaluation shown (they were loaded after it), for the gallery. */
    public void images(ImageSet testImages, String aboutText) {
        cancelGallery();
        test = testImages;
        about(aboutText);
        gallery.getChildren().clear();
        galleryTitle.setText(galleryHint());
    }

    /** Replaces the line over the evaluation (which run, whether its test images could be had). */
    public void about(String aboutText) {
        about.setText(aboutText == null ? "" : aboutText);
        if (evaluation != null && aboutText != null && !root.getChildren().contains(about)) {
            root.getChildren().add(0, about);
        }
        if (evaluation != null && test == null) {
            galleryTitle.setText(galleryHint());
        }
    }

    private String galleryHint() {
        return test != null ? "Click a cell to see its images."
                : "No images to show: the test images are not loaded" + (about.getText().isEmpty() ? "."
                : " (the line at the top says why).");
    }

    /** True when the evaluation lists every mistake (a run's evaluation.json keeps the most confident only). */
    private boolean everyMistakeKnown() {
        return evaluation.mistakes().size() == evaluation.total() - evaluation.correct();
    }

    /** Opens the gallery of the test images of true class {@code actual} predicted as {@code predicted}. */
    public void showCell(int actual, int predicted) {
        cancelGallery();
        gallery.getChildren().clear();
        String cellName = evaluation.classNames().get(actual) + " taken for " + evaluation.classNames().get(predicted);
        if (test == null) {
            galleryTitle.setText(cellName + ". " + galleryHint());
            return;
        }
        if (actual == predicted && !everyMistakeKnown()) {
            galleryTitle.setText(cellName + ": the images classified right cannot be told apart from the "
                    + (evaluation.total() - evaluation.correct() - evaluation.mistakes().size()) + " mistakes the "
                    + "run did not record. Open the run's model in Predict to classify them again.");
            return;
        }
        List<Integer> images = new ArrayList<>();
        if (actual != predicted) {
            for (Evaluation.Mistake m : evaluation.mistakes()) { // already most confident first
                if (m.actual() == actual && m.predicted() == predicted) {
                    images.add(m.index());
                }
            }
        } else {
            Set<Integer> wrong = new HashSet<>();
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
        int inCell = evaluation.confusion()[actual][predicted];
        galleryTitle.setText(String.format(Locale.ROOT, "%s: %,d image(s)%s%s", cellName, images.size(),
                images.size() <= SHOWN ? "" : actual == predicted && confidences == null
                        ? ", the first " + SHOWN + " shown" : ", the " + SHOWN + " most confident shown",
                images.size() < inCell ? String.format(Locale.ROOT, " of %,d (the run recorded its %,d most "
                        + "confident mistakes only)", inCell, evaluation.mistakes().size()) : ""));
        int zoom = Math.max(1, 64 / Math.max(test.height(), test.width()));
        List<Integer> shown = List.copyOf(images.subList(0, Math.min(SHOWN, images.size())));
        ImageSet set = test;
        galleryImages = BackgroundTask.wrap(() -> decode(set, shown, zoom)).onSuccess(decoded -> {
            for (int i = 0; i < shown.size(); i++) {
                gallery.getChildren().add(item(shown.get(i), decoded.get(i), actual, predicted, zoom));
            }
            explain.shown(set, shown, predicted, zoom);
        }).onFailure(f -> galleryTitle.setText(cellName + ": the images could not be shown: " + f.message()))
                .executeWith(decode);
    }

    /** The gallery's images, made off the FX thread. */
    private static List<Image> decode(ImageSet set, List<Integer> indexes, int zoom) {
        List<Image> decoded = new ArrayList<>();
        byte[] pixels = new byte[set.imageSize()];
        for (int index : indexes) {
            set.copyBytes(index, pixels, 0);
            decoded.add(Images.fromPlanar(pixels, set.height(), set.width(), set.channels(), zoom));
        }
        return decoded;
    }

    private void cancelGallery() {
        explain.clear();
        if (galleryImages != null) {
            galleryImages.cancel(); // a cell's images arriving late must not land under another cell or evaluation
            galleryImages = null;
        }
    }

    private Node item(int index, Image image, int actual, int predicted, int zoom) {
        var view = new ImageView(image);
        Double confidence = confidences != null ? Double.valueOf(confidences[index]) : mistakeConfidence(index);
        String caption = String.format(Locale.ROOT, "#%d %s\u2192%s%s", index, evaluation.classNames().get(actual),
                evaluation.classNames().get(predicted), confidence == null ? ""
                        : String.format(Locale.ROOT, " %.0f%%", confidence * 100));
        var label = new Label(caption);
        label.getStyleClass().add("hint");
        String source = test.source(index);
        var item = new VBox(2, explain.wrap(index, view), label);
        if (source != null) { // a file of a folder dataset; IDX and CIFAR images are known by their "#index"
            var name = new Label(source.substring(source.lastIndexOf('/') + 1));
            name.getStyleClass().add("hint");
            name.setMaxWidth(Math.max(64, test.width() * zoom));
            item.getChildren().add(name);
        }
        item.getStyleClass().add("gallery-item");
        item.setUserData(source == null ? "test image #" + index : source);
        Tooltip.install(item, new Tooltip((source == null ? "test image #" + index : source) + "\ntrue "
                + evaluation.classNames().get(actual) + ", predicted " + evaluation.classNames().get(predicted)
                + (confidence == null ? "" : String.format(Locale.ROOT, " (%.1f%%)", confidence * 100))));
        return item;
    }

    private Double mistakeConfidence(int index) {
        return evaluation.mistakes().stream().filter(m -> m.index() == index).findFirst()
                .map(Evaluation.Mistake::confidence).orElse(null);
    }

    private static Node perClass(Evaluation e) {
        var table = new TableView<Evaluation.ClassMetrics>();
        table.setId("per-class");
        table.getItems().setAll(e.perClass());
        table.getColumns().add(column("Class", Evaluation.ClassMetrics::name, 90));
        table.getColumns().add(column("Precision", c -> percent(c.precision()), 80));
        table.getColumns().add(column("Recall", c -> percent(c.recall()), 70));
        table.getColumns().add(column("F1", c -> percent(c.f1()), 60));
        table.getColumns().add(column("Images", c -> String.format(Locale.ROOT, "%,d", c.support()), 70));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Every row visible however few classes there are: a header, the rows, a little room.
        double rowHeight = 30;
        table.setFixedCellSize(rowHeight);
        double height = Math.min(420, 40 + rowHeight * e.classNames().size() + 6);
        table.setPrefHeight(height);
        table.setMinHeight(Math.min(height, 40 + rowHeight * 2 + 6));
        table.setMinWidth(400);
        return table;
    }

    private static TableColumn<Evaluation.ClassMetrics, String> column(String title,
            java.util.function.Function<Evaluation.ClassMetrics, String> value, double minWidth) {
        TableColumn<Evaluation.ClassMetrics, String> c = new TableColumn<>(title);
        c.setSortable(false);
        c.setMinWidth(minWidth);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}

package org.dl4jworkbench.app.ui.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.ImageSet;

/**
 * Sample training images: a row of a few per class (beside that class's bar), or, after a
 * click on a class, many of that one class. The images are read and converted on the data
 * executor and shown in one update (not one FX event per image); a newer request cancels one
 * still running.
 */
final class SamplesView {

    static final String ID = "samples";
    static final int PER_CLASS = 6;
    static final int MAX_CLASSES = 12;
    static final int MORE = 60;
    static final double THUMB = 38;
    static final double LARGE_THUMB = 56;

    private final Executor background;
    private final VBox root = new VBox();
    private final Label title = new Label("Samples");
    private final Button all = new Button("All classes");
    private Dataset data;
    private BackgroundTask<?> current;

    SamplesView(Executor background) {
        this.background = background;
        root.setId(ID);
        root.getStyleClass().add("samples");
        title.getStyleClass().add("section-title");
        title.setId("samples-title");
        all.setId("samples-all");
        all.getStyleClass().add("small");
        all.setOnAction(e -> show(data));
        all.setVisible(false);
    }

    /** The section title with its "All classes" button. */
    Node header() {
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var header = new HBox(8, title, spacer, all);
        header.setAlignment(Pos.TOP_LEFT);
        return header;
    }

    Node node() {
        return root;
    }

    /** A row of samples for each class (the first {@value #MAX_CLASSES} classes). */
    void show(Dataset dataset) {
        data = dataset;
        all.setVisible(false);
        title.setText("Samples");
        if (dataset == null) {
            cancel();
            root.getChildren().clear();
            return;
        }
        int classes = Math.min(MAX_CLASSES, dataset.classNames().size());
        ImageSet train = dataset.train();
        run(() -> {
            List<List<Image>> rows = new ArrayList<>();
            for (List<Integer> positions : firstOfEachClass(train, classes, PER_CLASS)) {
                rows.add(positions.stream().map(p -> Thumbnails.of(train, p)).toList());
            }
            return rows;
        }, rows -> {
            root.getChildren().clear();
            for (int c = 0; c < rows.size(); c++) {
                var row = new HBox(4);
                row.setId("samples-" + c);
                row.getStyleClass().add("sample-row");
                row.setAlignment(Pos.CENTER_LEFT);
                row.setMinHeight(ClassCountsView.ROW_HEIGHT);
                row.setPrefHeight(ClassCountsView.ROW_HEIGHT);
                row.setMaxHeight(ClassCountsView.ROW_HEIGHT);
                rows.get(c).forEach(image -> row.getChildren().add(Thumbnails.view(image, THUMB)));
                int index = c;
                row.setOnMouseClicked(e -> showClass(index));
                root.getChildren().add(row);
            }
            if (dataset.classNames().size() > classes) {
                var more = new Label((dataset.classNames().size() - classes) + " more classes: click one in the "
                        + "chart to see its images.");
                more.getStyleClass().add("hint");
                root.getChildren().add(more);
            }
        });
    }

    /** Up to {@value #MORE} training images of class {@code c}. */
    void showClass(int c) {
        if (data == null || c < 0 || c >= data.classNames().size()) {
            return;
        }
        ImageSet train = data.train();
        String name = data.classNames().get(c);
        int total = train.classCounts()[c];
        int classes = data.classNames().size();
        run(() -> firstOfEachClass(train, classes, MORE).get(c).stream()
                .map(p -> Thumbnails.of(train, p)).toList(), images -> {
                    title.setText(String.format(Locale.ROOT, "Class '%s': %d of %,d training images", name,
                            images.size(), total));
                    all.setVisible(true);
                    var flow = new FlowPane(4, 4);
                    flow.setId("samples-class");
                    flow.setPrefWrapLength(6 * (LARGE_THUMB + 4));
                    images.forEach(image -> flow.getChildren().add(Thumbnails.view(image, LARGE_THUMB)));
                    root.getChildren().setAll(flow);
                });
    }

    /** The positions of the first {@code perClass} images of each of the first {@code classes} classes. */
    static List<List<Integer>> firstOfEachClass(ImageSet set, int classes, int perClass) {
        List<List<Integer>> chosen = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            chosen.add(new ArrayList<>());
        }
        int missing = classes * perClass;
        for (int i = 0; i < set.size() && missing > 0; i++) {
            int label = set.label(i);
            if (label < classes && chosen.get(label).size() < perClass) {
                chosen.get(label).add(i);
                missing--;
            }
        }
        return chosen;
    }

    private <T> void run(java.util.concurrent.Callable<T> work, Consumer<T> show) {
        cancel(); // a newer request wins: the older one's images are dropped
        current = BackgroundTask.wrap(work).onSuccess(show).onFailure(f -> {
            var error = new Label("Could not read the images: " + f.message());
            error.getStyleClass().add("dataset-error-text");
            error.setWrapText(true);
            root.getChildren().setAll(error);
        }).executeWith(background);
    }

    private void cancel() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }
}

package org.dl4jworkbench.app.ui.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.data.Augmenter;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.spec.AugmentationSpec;

/**
 * The augmentation preview: a few training images, each beside {@value #VARIANTS} augmented
 * copies as training will see them, with a note on what augmentation does. The copies are
 * made on the compute executor and shown in one update; a newer preview cancels one still
 * being made. "Shuffle" draws other images.
 */
final class AugmentationPreview {

    static final String PREVIEW_ID = "augment-preview";
    static final int PREVIEW_IMAGES = 4;
    static final int VARIANTS = 5;
    static final double PREVIEW_SIZE = 44;

    private final Supplier<AugmentationSpec> augmentation;
    private final Executor background;
    private final GridPane grid = new GridPane();
    private final Label note = new Label();
    private final Random seeds = new Random();
    private Dataset data;
    private long seed = 1;
    private BackgroundTask<List<List<Image>>> current;

    /** @param augmentation the augmentation the network's spec asks for now */
    AugmentationPreview(Supplier<AugmentationSpec> augmentation, Executor background) {
        this.augmentation = augmentation;
        this.background = background;
        grid.setId(PREVIEW_ID);
        grid.setHgap(4);
        grid.setVgap(4);
        note.setId("augment-note");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        note.setMaxWidth(width());
    }

    /** The width the preview takes. */
    static double width() {
        return (VARIANTS + 1) * (PREVIEW_SIZE + 4) + 12;
    }

    Node note() {
        return note;
    }

    Node grid() {
        return grid;
    }

    /** The dataset the preview draws from (null: none). */
    void setDataset(Dataset dataset) {
        data = dataset;
        refresh();
    }

    /** Other training images in the preview. */
    void shuffle() {
        seed = seeds.nextLong();
        refresh();
    }

    /** Draws the preview anew for the augmentation asked for now. */
    void refresh() {
        if (current != null) {
            current.cancel(); // a newer preview wins
        }
        if (data == null) {
            grid.getChildren().clear();
            return;
        }
        AugmentationSpec a = augmentation.get();
        note.setText(a.isNone() ? "No augmentation: training sees the images as they are. Try a 10° rotation with "
                + "10% shift and zoom (and flips for photos, not digits)."
                : "Every epoch each training image gets new random changes like these; validation and test images "
                + "are never changed.");
        ImageSet train = data.train();
        long s = seed;
        current = BackgroundTask.wrap(() -> augmented(train, a, s))
                .onSuccess(this::show)
                .onFailure(f -> note.setText("Could not draw the preview: " + f.message()))
                .executeWith(background);
    }

    /** Rows of an original training image and {@value #VARIANTS} augmented copies of it. */
    static List<List<Image>> augmented(ImageSet train, AugmentationSpec a, long seed) {
        Random pick = new Random(seed);
        int[] positions = new int[Math.min(PREVIEW_IMAGES, train.size())];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = pick.nextInt(train.size());
        }
        var augmenter = new Augmenter(a);
        Random random = new Random(seed + 1);
        List<List<Image>> rows = new ArrayList<>();
        for (int position : positions) {
            byte[] original = new byte[train.imageSize()];
            train.copyBytes(position, original, 0);
            List<Image> row = new ArrayList<>();
            row.add(Thumbnails.of(original, train));
            for (int v = 0; v < VARIANTS; v++) {
                row.add(Thumbnails.of(augmenter.apply(original, train.height(), train.width(), train.channels(),
                        random), train));
            }
            rows.add(row);
        }
        return rows;
    }

    private void show(List<List<Image>> rows) {
        grid.getChildren().clear();
        var original = new Label("Original");
        original.getStyleClass().addAll("hint", "preview-caption");
        var augmented = new Label("As training sees them");
        augmented.getStyleClass().addAll("hint", "preview-caption");
        grid.getColumnConstraints().setAll(new ColumnConstraints(PREVIEW_SIZE + 8));
        grid.add(original, 0, 0);
        grid.add(augmented, 1, 0, VARIANTS, 1);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                ImageView view = Thumbnails.view(rows.get(r).get(c), PREVIEW_SIZE);
                view.setId("preview-" + r + "-" + c);
                if (c == 0) {
                    view.getStyleClass().add("preview-original");
                }
                grid.add(view, c, r + 1);
            }
        }
    }
}

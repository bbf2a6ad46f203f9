package org.dl4jworkbench.app.ui.dataset;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.core.data.Datasets;

/**
 * How opening a dataset goes, at the top of the Dataset tab: while it loads, what it is doing
 * with a progress bar and Cancel; when it failed, why, with a way out (keep the dataset open
 * before, or use the built-in MNIST subset). Both follow the model's properties.
 */
final class OpeningStatus {

    private final WorkbenchModel model;
    private final VBox loading = new VBox(4);
    private final Label loadingText = new Label();
    private final ProgressBar loadingBar = new ProgressBar(-1);
    private final VBox error = new VBox(6);

    OpeningStatus(WorkbenchModel model) {
        this.model = model;
        loading.setId("dataset-loading");
        loading.getStyleClass().add("dataset-loading");
        loadingText.setWrapText(true);
        loadingBar.setPrefWidth(260);
        var cancel = new Button("Cancel");
        cancel.setId("dataset-cancel");
        cancel.getStyleClass().add("small");
        cancel.setOnAction(e -> model.cancelLoading());
        var loadingRow = new HBox(8, loadingBar, cancel);
        loadingRow.setAlignment(Pos.CENTER_LEFT);
        loading.getChildren().setAll(loadingText, loadingRow);
        error.setId("dataset-error");
        error.getStyleClass().addAll("dataset-banner", "banner-error");
        model.loadingProperty().addListener((obs, old, l) -> showLoading(l));
        model.datasetErrorProperty().addListener((obs, old, message) -> showError(message));
        showLoading(model.loadingProperty().get());
        showError(model.datasetErrorProperty().get());
    }

    /** The progress while loading. */
    Node loading() {
        return loading;
    }

    /** The banner after a failure. */
    Node error() {
        return error;
    }

    private void showLoading(WorkbenchModel.Loading l) {
        loading.setVisible(l != null);
        loading.setManaged(l != null);
        if (l != null) {
            loadingText.setText("Opening " + l.spec() + ": " + l.phase() + (l.total() > 1
                    ? String.format(Locale.ROOT, " %,d of %,d", l.done(), l.total()) : "") + " ...");
            loadingBar.setProgress(l.total() > 1 ? (double) l.done() / l.total() : -1);
        }
    }

    private void showError(String message) {
        error.setVisible(message != null);
        error.setManaged(message != null);
        if (message == null) {
            error.getChildren().clear();
            return;
        }
        var text = new Label("The dataset could not be opened: " + message);
        text.setId("dataset-error-text");
        text.setWrapText(true);
        var builtIn = new Button("Use the built-in MNIST subset");
        builtIn.setOnAction(e -> model.loadDataset(Datasets.DEFAULT));
        var dismiss = new Button("Keep the current dataset");
        dismiss.setId("dataset-error-dismiss");
        dismiss.setOnAction(e -> model.datasetErrorProperty().set(null));
        var row = new HBox(8, dismiss, builtIn);
        HBox.setHgrow(text, Priority.ALWAYS);
        error.getChildren().setAll(text, row);
    }
}

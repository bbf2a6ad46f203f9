package org.dl4jworkbench.app.ui.dataset;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.data.catalog.ByteSize;
import org.dl4jworkbench.core.data.catalog.LocalCopy;

/**
 * The note a template's dataset request shows at the top of the Dataset tab: what the network
 * needs, and buttons to fetch it from the catalogue or choose the folder one has. Where the
 * catalogue's copy is already on disk, it is opened at once instead.
 */
final class RequestNote {

    static final String ID = "dataset-request";

    private final SourcesView sources;
    private final Consumer<String> open;
    private final Executor background;
    private final Path dataRoot;
    private final VBox root = new VBox(8);
    private final Label text = new Label();
    private final HBox actions = new HBox(8);
    private final ReadOnlyObjectWrapper<DatasetRequest> request = new ReadOnlyObjectWrapper<>(this, "request");

    RequestNote(SourcesView sources, Consumer<String> open, Executor background, Path dataRoot) {
        this.sources = sources;
        this.open = open;
        this.background = background;
        this.dataRoot = dataRoot;
        root.setId(ID);
        root.getStyleClass().addAll("dataset-banner", "banner-request");
        text.setId("dataset-request-text");
        text.setWrapText(true);
        actions.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().setAll(text, actions);
        root.visibleProperty().bind(request.isNotNull());
        root.managedProperty().bind(root.visibleProperty());
    }

    Node node() {
        return root;
    }

    /** The request shown, or null. */
    ReadOnlyObjectProperty<DatasetRequest> requestProperty() {
        return request.getReadOnlyProperty();
    }

    void show(DatasetRequest r) {
        request.set(r);
        text.setText(r.text());
        var folder = button("Choose folder...", "dataset-request-folder", () -> sources.chooseFolder(r.folderForm()));
        var later = button("Not now", "dataset-request-dismiss", this::clear);
        later.getStyleClass().add("small");
        if (r.catalogue() == null) {
            folder.getStyleClass().add("accent");
            actions.getChildren().setAll(folder, later);
            return;
        }
        var download = button("Download (" + ByteSize.format(r.catalogue().downloadSize()) + ")",
                "dataset-request-download", () -> sources.download(r.source()));
        download.getStyleClass().add("accent");
        download.setDisable(true); // until what is on disk is known
        actions.getChildren().setAll(download, folder, later);
        BackgroundTask.wrap(() -> LocalCopy.of(r.catalogue(), dataRoot)).onSuccess(copy -> {
            if (request.get() != r) {
                return;
            }
            if (copy.state() == LocalCopy.State.VERIFIED || copy.state() == LocalCopy.State.UNCHECKED) {
                text.setText(r.text().replaceFirst(":.*", ": opening the copy downloaded before ..."));
                open.accept(r.source());
            } else {
                download.setDisable(false);
                if (copy.state() == LocalCopy.State.PARTIAL) {
                    download.setText("Resume download (" + copy.describe() + ")");
                }
            }
        }).onFailure(f -> download.setDisable(false)).executeWith(background); // Download then says what is wrong
    }

    void clear() {
        request.set(null);
        actions.getChildren().clear();
        sources.focus(null);
    }

    private static Button button(String label, String id, Runnable action) {
        var b = new Button(label);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}

package org.dl4jworkbench.app.ui.layers;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.dl4jworkbench.app.ui.predict.PredictionItem;
import org.dl4jworkbench.app.ui.predict.PredictionModel;

/**
 * "Inside the network": a window beside the prediction pane that shows what each layer makes
 * of one image (NVIDIA DIGITS' layer view). It opens on the newest image the pane predicted,
 * takes another by drop or Open image..., and follows the model the pane predicts with; while a
 * run trains, "Snapshot of the network in training" looks with a fresh copy of it. One window
 * per pane: opening it again brings it to the front with the newest image.
 */
public final class LayersWindow {

    /** The prediction pane's button that opens this window. */
    public static final String OPEN_ID = "prediction-layers";
    public static final String ROOT_ID = "layers-view";
    public static final String STATUS_ID = "layers-status";
    public static final String SNAPSHOT_ID = "layers-snapshot";
    public static final String IMAGE_ID = "layers-open-image";
    private static final String KEY = LayersWindow.class.getName();

    private final LayersModel model;
    private final LayersView view = new LayersView();
    private final Stage stage = new Stage();

    private LayersWindow(PredictionModel pane, Executor compute, Window owner) {
        this.model = new LayersModel(pane, compute);
        stage.initOwner(owner);
        stage.titleProperty().bind(model.imageProperty().map(p -> "Layers: " + p.getFileName()).orElse("Layers"));
        var open = new Button("Open image...");
        open.setId(IMAGE_ID);
        open.setOnAction(e -> chooseImage());
        var snapshot = new Button("Snapshot of the network in training");
        snapshot.setId(SNAPSHOT_ID);
        snapshot.setTooltip(new Tooltip("Look at this image with a copy of the network as it is now in training "
                + "(the Predict tab then uses that copy too)"));
        snapshot.disableProperty().bind(model.trainingRunsProperty().not());
        snapshot.setOnAction(e -> model.snapshot());
        var status = new Label();
        status.setId(STATUS_ID);
        status.getStyleClass().add("hint");
        status.textProperty().bind(model.statusProperty());
        var busy = new ProgressBar(-1);
        busy.visibleProperty().bind(model.busyProperty().greaterThan(0));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(8, open, snapshot, spacer, status, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 8, 10));
        bar.getStyleClass().add("layers-bar");
        var drop = new Label("Drop an image here to look at it instead");
        drop.getStyleClass().add("drop-hint");
        var top = new VBox(bar);
        var root = new BorderPane(view.node(), top, null, drop, null);
        BorderPane.setMargin(drop, new Insets(4, 10, 6, 10));
        root.setId(ROOT_ID);
        root.setUserData(this);
        root.getStyleClass().add("layers-view");
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            var files = e.getDragboard().getFiles();
            boolean ok = !files.isEmpty() && files.get(0).isFile();
            if (ok) {
                model.show(files.get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        model.shownProperty().addListener((obs, old, now) -> view.show(now));
        var scene = new Scene(root, 1180, 800);
        scene.getStylesheets().addAll(css("workbench.css"), css("layers.css"));
        stage.setScene(scene);
        stage.setOnHidden(e -> model.forget()); // a closed window does not look again at every new model
    }

    private static String css(String name) {
        String path = name.equals("workbench.css") ? "/org/dl4jworkbench/app/ui/workbench.css" : name;
        return LayersWindow.class.getResource(path).toExternalForm();
    }

    /**
     * Opens (or brings to the front) the layers window of the prediction pane whose root is
     * {@code paneRoot}, on the newest image the pane predicted from a file.
     */
    public static LayersWindow showFor(PredictionModel pane, Executor compute, javafx.scene.Node paneRoot) {
        LayersWindow window = (LayersWindow) paneRoot.getProperties().get(KEY);
        if (window == null) {
            window = new LayersWindow(pane, compute, paneRoot.getScene().getWindow());
            paneRoot.getProperties().put(KEY, window);
        }
        Optional<Path> newest = newestImage(pane);
        if (newest.isPresent()) {
            window.model.show(newest.get());
        } else if (window.model.imageProperty().get() == null) {
            window.model.statusProperty().set("Drop an image here, or on the Predict tab, to look inside the network.");
        }
        window.stage.show();
        window.stage.toFront();
        return window;
    }

    /** The newest prediction the pane shows that came from a file (not the clipboard). */
    static Optional<Path> newestImage(PredictionModel pane) {
        return pane.items().stream().filter(i -> i instanceof PredictionItem.Shown).map(i -> (PredictionItem.Shown) i)
                .map(s -> {
                    try {
                        return Path.of(s.source());
                    } catch (java.nio.file.InvalidPathException e) {
                        return null;
                    }
                })
                .filter(p -> p != null && Files.isRegularFile(p)).findFirst();
    }

    /** Looks at {@code image} (tests, screenshots). */
    public void show(Path image) {
        model.show(image);
    }

    public LayersModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }

    private void chooseImage() {
        var chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.jpg", "*.jpeg", "*.png",
                "*.bmp", "*.gif"));
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            model.show(chosen.toPath());
        }
    }
}

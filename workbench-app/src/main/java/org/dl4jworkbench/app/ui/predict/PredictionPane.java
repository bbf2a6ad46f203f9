package org.dl4jworkbench.app.ui.predict;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.dl4jworkbench.core.data.image.DecodedImage;
import org.dl4jworkbench.core.data.image.ImageDecodeException;
import org.dl4jworkbench.core.data.image.ImageFormat;
import org.dl4jworkbench.app.ui.TrainAction;
import org.dl4jworkbench.core.model.InvalidModelException;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.predict.ClassProbability;
import org.dl4jworkbench.core.predict.Prediction;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.util.AtomicFiles;
import org.dl4jworkbench.core.util.Csv;

/**
 * The prediction pane: drop image files onto it (or choose them, or paste an image) and see
 * each as the network sees it with its top classes as bars; drop a folder for a table of
 * every image's prediction, exportable as CSV. It predicts with the model it is given (the
 * current run's) or one opened from a zip. Damaged files get a short line in the pane.
 * Decoding and predicting run in the background, one image at a time.
 */
public final class PredictionPane {

    public static final String ID = "prediction-pane";
    public static final String RESULTS_ID = "prediction-results";
    public static final String MODEL_ID = "prediction-model";
    public static final String USE_TRAINING_ID = "use-training-model";
    static final int TOP = 3;

    private final Executor background;
    private final ObjectProperty<Predictor> predictor = new SimpleObjectProperty<>(this, "predictor");
    private final VBox root = new VBox(10);
    private final VBox results = new VBox(10);
    private final Label model = new Label("No model yet: train one, or open a model zip.");
    private final ProgressBar busy = new ProgressBar(-1);
    private final TableView<FolderRow> table = new TableView<>();
    private final Button exportCsv = new Button("Export CSV...");
    private final Button useTraining = new Button("Use the model in training");
    private TrainAction training;

    /** One image of a dropped folder. */
    public record FolderRow(String file, String best, double probability, String second, String error) {
    }

    public PredictionPane(Executor background) {
        this.background = background;
        root.setId(ID);
        root.setUserData(this); // for tests and screenshots, which find the pane in the window
        root.setPadding(new Insets(12));
        model.setId(MODEL_ID);
        model.getStyleClass().add("section-title");
        busy.setVisible(false);
        results.setId(RESULTS_ID);
        var open = new Button("Open model...");
        open.setOnAction(e -> chooseModel());
        var choose = new Button("Choose images...");
        choose.setOnAction(e -> chooseImages());
        var paste = new Button("Paste image");
        paste.setOnAction(e -> paste());
        exportCsv.setOnAction(e -> exportFolderCsv());
        exportCsv.setDisable(true);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        useTraining.setId(USE_TRAINING_ID);
        useTraining.setDisable(true);
        useTraining.setOnAction(e -> useTrainingSnapshot());
        var bar = new HBox(8, open, useTraining, choose, paste, spacer, busy, exportCsv);
        bar.setAlignment(Pos.CENTER_LEFT);
        var drop = new Label("Drop images or a folder of images here");
        drop.getStyleClass().add("drop-hint");
        var dropZone = new StackPane(drop);
        dropZone.getStyleClass().add("drop-zone");
        dropZone.setMinHeight(70);
        var scroll = new ScrollPane(results);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        table.setVisible(false);
        table.setManaged(false);
        table.getColumns().add(column("Image", FolderRow::file, 320));
        table.getColumns().add(column("Class", FolderRow::best, 120));
        table.getColumns().add(column("Probability", r -> r.error() != null ? "" : String.format(Locale.ROOT,
                "%.1f%%", r.probability() * 100), 100));
        table.getColumns().add(column("Next best", FolderRow::second, 160));
        table.getColumns().add(column("Problem", r -> r.error() == null ? "" : r.error(), 260));
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().setAll(model, bar, dropZone, scroll, table);
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                open(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        root.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.V) {
                paste();
            }
        });
    }

    public Node node() {
        return root;
    }

    /**
     * Lets the pane predict with the network in training: the "Use the model in training" button
     * (enabled while a run trains) takes a fresh snapshot each time, and images opened while a
     * run trains and no model is loaded yet are predicted with one. Snapshots are taken by the
     * training thread and made ready in the background; the FX thread never waits.
     */
    public void follow(TrainAction training) {
        this.training = training;
        useTraining.setDisable(!training.isRunning());
        training.progressProperty().addListener((obs, old, p) -> useTraining.setDisable(!p.running()));
    }

    /** Predicts from now on with a fresh snapshot of the network in training (see {@link #follow}). */
    public void useTrainingSnapshot() {
        useTrainingSnapshot(() -> { });
    }

    private void useTrainingSnapshot(Runnable then) {
        if (training == null || !training.isRunning()) {
            shortMessage("No run is training: press Train, or open a model zip.");
            return;
        }
        busy.setVisible(true);
        training.snapshot(background).whenComplete((p, error) -> Platform.runLater(() -> {
            busy.setVisible(false);
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                shortMessage("No snapshot of the network in training: " + cause.getMessage());
                return;
            }
            var progress = training.progressProperty().get();
            use(p, training.sessionProperty().get().network() + " in training (snapshot"
                    + (progress.running() ? String.format(Locale.ROOT, " at %.0f%%", progress.fraction() * 100) : "")
                    + ")");
            then.run();
        }));
    }

    /** The model predictions use; the window gives the current run's, the user may open another. */
    public void use(Predictor newPredictor, String description) {
        predictor.set(newPredictor);
        model.setText("Model: " + description + " (" + newPredictor.input() + ", "
                + newPredictor.classNames().size() + " classes)");
    }

    /** Opens image files and folders as the drop would. */
    public void open(List<Path> paths) {
        List<Path> images = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        for (Path p : paths) {
            (Files.isDirectory(p) ? folders : images).add(p);
        }
        if (!images.isEmpty()) {
            predictFiles(images);
        }
        folders.forEach(this::predictFolder);
    }

    private void predictFiles(List<Path> files) {
        if (predictor.get() == null && training != null && training.isRunning()) {
            useTrainingSnapshot(() -> predictFiles(files));
            return;
        }
        Predictor p = requirePredictor();
        if (p == null) {
            return;
        }
        for (Path file : files) {
            run(() -> p.predict(file, TOP), prediction -> show(file.getFileName().toString(), prediction),
                    error -> shortMessage(file.getFileName() + ": " + error));
        }
    }

    private void predictDecoded(String name, DecodedImage image) {
        Predictor p = requirePredictor();
        if (p != null) {
            run(() -> p.predict(image, TOP), prediction -> show(name, prediction), error -> shortMessage(name + ": "
                    + error));
        }
    }

    private void predictFolder(Path folder) {
        Predictor p = requirePredictor();
        if (p == null) {
            return;
        }
        table.getItems().clear();
        table.setVisible(true);
        table.setManaged(true);
        busy.setVisible(true);
        Task<List<FolderRow>> task = new Task<>() {
            @Override
            protected List<FolderRow> call() throws Exception {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(folder)) {
                    files = walk.filter(Files::isRegularFile)
                            .filter(f -> ImageFormat.hasImageExtension(f.getFileName().toString())).sorted().toList();
                }
                List<FolderRow> rows = new ArrayList<>();
                for (Path file : files) {
                    String name = folder.relativize(file).toString();
                    try {
                        List<ClassProbability> top = p.predict(file, 2).top();
                        rows.add(new FolderRow(name, top.get(0).name(), top.get(0).probability(), top.size() > 1
                                ? String.format(Locale.ROOT, "%s %.1f%%", top.get(1).name(),
                                top.get(1).probability() * 100) : "", null));
                    } catch (ImageDecodeException | IOException e) {
                        rows.add(new FolderRow(name, "", 0, "", e.getMessage()));
                    }
                }
                return rows;
            }
        };
        task.setOnSucceeded(e -> {
            busy.setVisible(false);
            table.getItems().setAll(task.getValue());
            exportCsv.setDisable(task.getValue().isEmpty());
        });
        task.setOnFailed(e -> {
            busy.setVisible(false);
            shortMessage(folder + ": " + task.getException().getMessage());
        });
        background.execute(task);
    }

    private void show(String name, Prediction prediction) {
        int zoom = Math.max(1, 112 / Math.max(prediction.height(), prediction.width()));
        var view = new ImageView(Images.fromPlanar(prediction.networkInput(), prediction.height(), prediction.width(),
                prediction.channels(), zoom));
        view.getStyleClass().add("network-input");
        var title = new Label(name);
        title.getStyleClass().add("prediction-title");
        var bars = new VBox(4, title);
        for (ClassProbability c : prediction.top()) {
            bars.getChildren().add(bar(c));
        }
        var row = new HBox(14, view, bars);
        row.getStyleClass().add("prediction");
        row.setPadding(new Insets(8));
        HBox.setHgrow(bars, Priority.ALWAYS);
        results.getChildren().add(0, row);
    }

    private static Node bar(ClassProbability c) {
        var name = new Label(c.name());
        name.setMinWidth(90);
        var fill = new Region();
        fill.getStyleClass().add("probability-bar");
        fill.setPrefWidth(Math.max(2, 260 * c.probability()));
        fill.setMinHeight(14);
        var percent = new Label(String.format(Locale.ROOT, "%.1f%%", c.probability() * 100));
        var row = new HBox(8, name, fill, percent);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("probability");
        return row;
    }

    private void shortMessage(String text) {
        var line = new Label(text);
        line.getStyleClass().add("prediction-error");
        line.setWrapText(true);
        results.getChildren().add(0, line);
    }

    private Predictor requirePredictor() {
        Predictor p = predictor.get();
        if (p == null) {
            shortMessage("No model yet: train one, or open a model zip first.");
        }
        return p;
    }

    private void chooseModel() {
        var chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Model zip", "*.zip"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            openModel(file.toPath());
        }
    }

    /** Opens a model zip in the background (it is screened first: a hostile file is refused, not run). */
    public void openModel(Path zip) {
        busy.setVisible(true);
        Task<Predictor> task = new Task<>() {
            @Override
            protected Predictor call() throws IOException, InvalidModelException {
                return new Predictor(ModelFiles.load(zip));
            }
        };
        task.setOnSucceeded(e -> {
            busy.setVisible(false);
            use(task.getValue(), zip.getFileName().toString());
        });
        task.setOnFailed(e -> {
            busy.setVisible(false);
            shortMessage(task.getException().getMessage());
        });
        background.execute(task);
    }

    private void chooseImages() {
        var chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.jpg", "*.jpeg", "*.png",
                "*.bmp", "*.gif"));
        List<File> files = chooser.showOpenMultipleDialog(root.getScene().getWindow());
        if (files != null) {
            open(files.stream().map(File::toPath).toList());
        }
    }

    private void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasImage()) {
            predictDecoded("pasted image", Images.toDecoded(clipboard.getImage()));
        } else if (clipboard.hasFiles()) {
            open(clipboard.getFiles().stream().map(File::toPath).toList());
        } else {
            shortMessage("The clipboard holds no image.");
        }
    }

    private void exportFolderCsv() {
        var chooser = new FileChooser();
        chooser.setInitialFileName("predictions.csv");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            try {
                AtomicFiles.writeString(file.toPath(), csv(table.getItems()));
            } catch (IOException e) {
                shortMessage("Could not write " + file + ": " + e.getMessage());
            }
        }
    }

    public static String csv(List<FolderRow> rows) {
        var out = new StringBuilder(Csv.row("image", "class", "probability", "next_best", "problem"));
        for (FolderRow r : rows) {
            out.append(Csv.row(r.file(), r.best(),
                    r.error() == null ? String.format(Locale.ROOT, "%.6f", r.probability()) : "", r.second(),
                    r.error()));
        }
        return out.toString();
    }

    /** Results shown so far, for tests. */
    public List<Node> results() {
        return List.copyOf(results.getChildren());
    }

    public TableView<FolderRow> table() {
        return table;
    }

    private <T> void run(Work<T> work, java.util.function.Consumer<T> onSuccess,
                         java.util.function.Consumer<String> onError) {
        busy.setVisible(true);
        background.execute(() -> {
            try {
                T value = work.call();
                Platform.runLater(() -> {
                    busy.setVisible(false);
                    onSuccess.accept(value);
                });
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                Platform.runLater(() -> {
                    busy.setVisible(false);
                    onError.accept(message);
                });
            }
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        T call() throws Exception;
    }

    private static TableColumn<FolderRow, String> column(String title, java.util.function.Function<FolderRow, String>
            value, double width) {
        TableColumn<FolderRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}

package org.dl4jworkbench.app.ui.predict;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.ui.TrainAction;
import org.dl4jworkbench.app.ui.layers.LayersWindow;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;

/**
 * The prediction pane: drop image files onto it (or choose them, or paste an image) and see
 * each as the network sees it, under its file name, with its top classes as bars, newest
 * first; drop a folder for a table of every image's prediction. Besides model zips it predicts
 * with the pretrained MobileNet as it is (ImageNet's classes) and Keras models it imports. Any
 * predictions shown export as CSV; Clear empties the pane. The pane only shows and asks: what it predicts with and all
 * the work are in its {@link PredictionModel}.
 */
public final class PredictionPane {

    public static final String ID = "prediction-pane";
    public static final String RESULTS_ID = "prediction-results";
    public static final String MODEL_ID = "prediction-model";
    public static final String USE_TRAINING_ID = "use-training-model";
    public static final String CLEAR_ID = "prediction-clear";
    public static final String EXPORT_ID = "prediction-export";
    public static final String MOBILENET_ID = "prediction-mobilenet";
    public static final String ACTIVITY_ID = "prediction-activity";
    public static final String INSTALL_ID = "prediction-install";

    private final PredictionModel model;
    private final VBox root = new VBox(10);
    private final VBox results = new VBox(10);
    private final TableView<FolderRow> table = new TableView<>();
    private FilePicker files = FilePicker.SYSTEM;
    private Consumer<String> install;

    /** One executor for models, predictions and files (tests). */
    public PredictionPane(Executor background) {
        this(background, background);
    }

    /** @param compute opens models and predicts; @param io lists folders and writes exports */
    public PredictionPane(Executor compute, Executor io) {
        this.model = new PredictionModel(compute, io);
        var explain = new ExplainPanel(compute, model.predictorProperty(), model.items());
        root.setId(ID);
        root.setUserData(this); // for tests and screenshots, which find the pane in the window
        root.setPadding(new Insets(12));
        var title = new Label();
        title.setId(MODEL_ID);
        title.getStyleClass().add("section-title");
        title.textProperty().bind(model.descriptionProperty());
        var busy = new ProgressBar(-1);
        busy.visibleProperty().bind(model.busyProperty().greaterThan(0));
        var activity = new Label();
        activity.setId(ACTIVITY_ID);
        activity.getStyleClass().add("hint");
        activity.textProperty().bind(model.activityProperty());
        var open = button("Open model...", this::chooseModel); // a model zip, or a Keras .h5 to import
        var mobileNet = button("MobileNet (1,000 ImageNet classes)", this::useMobileNet);
        mobileNet.setId(MOBILENET_ID);
        mobileNet.setTooltip(new Tooltip("See what a network trained on ImageNet already knows: predict with the "
                + "pretrained " + PretrainedCatalog.MOBILENET_V1_075.title() + " as it is"));
        var useTraining = button("Use the model in training", this::useTrainingSnapshot);
        useTraining.setId(USE_TRAINING_ID);
        useTraining.disableProperty().bind(model.trainingRunsProperty().not());
        var choose = button("Choose images...", this::chooseImages);
        var paste = button("Paste image", this::paste);
        var layers = button("Layers...", () -> LayersWindow.showFor(model, compute, root)); // inside the network
        layers.setId(LayersWindow.OPEN_ID);
        var bar = new HBox(8, open, mobileNet, useTraining, choose, paste, layers, grow(new Region()), activity, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        var drop = new Label("Drop images or a folder of images here");
        drop.getStyleClass().add("drop-hint");
        var dropZone = new StackPane(drop);
        dropZone.getStyleClass().add("drop-zone");
        dropZone.setMinHeight(70);
        root.getChildren().setAll(title, bar, dropZone, resultsBar(explain), resultsView(explain), tableView());
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

    private Node resultsBar(ExplainPanel explain) {
        var heading = new Label("Results, newest first");
        heading.getStyleClass().add("prediction-heading");
        var clear = button("Clear", model::clear);
        clear.setId(CLEAR_ID);
        clear.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.items())
                .and(model.folderShownProperty().not()));
        var export = button("Export CSV...", this::exportCsv);
        export.setId(EXPORT_ID);
        export.disableProperty().bind(model.exportableProperty().not());
        var bar = new HBox(8, heading, grow(new Region()), explain.controls(), clear, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        return new VBox(10, bar, explain.overlay()); // the heat map under the bar while Explain is on
    }

    private Node resultsView(ExplainPanel explain) {
        results.setId(RESULTS_ID);
        model.items().addListener((ListChangeListener<PredictionItem>) c -> results.getChildren().setAll(
                model.items().stream().map(i -> explain.selectable(i, PredictionNodes.node(i, install))).toList()));
        var scroll = new ScrollPane(results);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return scroll;
    }

    private Node tableView() {
        table.visibleProperty().bind(model.folderShownProperty());
        table.managedProperty().bind(model.folderShownProperty());
        table.setItems(model.rows());
        table.getColumns().add(column("Image", FolderRow::file, 320));
        table.getColumns().add(column("Class", FolderRow::best, 120));
        table.getColumns().add(column("Probability", r -> r.error() != null ? "" : String.format(Locale.ROOT,
                "%.1f%%", r.probability() * 100), 100));
        table.getColumns().add(column("Next best", FolderRow::second, 160));
        table.getColumns().add(column("Problem", r -> r.error() == null ? "" : r.error(), 260));
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    public Node node() {
        return root;
    }

    /** The pane's state and work, for the window and tests. */
    public PredictionModel model() {
        return model;
    }

    /** See {@link PredictionModel#follow}. */
    public void follow(TrainAction training) {
        model.follow(training);
    }

    /** A project was opened or made: no old results, its latest run's model if it has one. */
    public void showLatestRunOf(Project project) {
        model.showLatestRunOf(project);
    }

    /** Predicts from now on with a fresh snapshot of the network in training (see {@link #follow}). */
    public void useTrainingSnapshot() {
        model.useTrainingSnapshot(() -> { });
    }

    /** The model predictions use; the window gives the current run's, the user may open another. */
    public void use(Predictor predictor, String description) {
        model.use(predictor, description);
    }

    /** Opens image files and folders as the drop would. */
    public void open(List<Path> paths) {
        model.open(paths);
    }

    /** Opens a model zip in the background, described by its network, run and test accuracy. */
    public void openModel(Path zip) {
        model.openModel(zip, null);
    }

    private void chooseModel() {
        Path file = files.open(root.getScene().getWindow(), "Open model: a model zip, or a Keras 2 model to import",
                KerasImportFlow.ZIP_OR_KERAS);
        if (file != null && KerasImportFlow.isKeras(file)) {
            importKeras(file, () -> { });
        } else if (file != null) {
            openModel(file);
        }
    }

    /**
     * Imports a Keras model: asks for the file where {@code chosen} is null, then what the file does
     * not record and where to save the model zip; once asked, runs {@code started} (the window
     * shows this pane) and imports in the background, then predicts with it.
     */
    public void importKeras(Path chosen, Runnable started) {
        KerasImportFlow.ask(root.getScene().getWindow(), files, chosen).ifPresent(request -> {
            started.run();
            model.importKeras(request);
        });
    }

    /** Predicts with the pretrained MobileNet as it is: see {@link PredictionModel#usePretrained}. */
    public void useMobileNet() {
        model.usePretrained(PretrainedCatalog.MOBILENET_V1_075, WorkbenchDirs.data());
    }

    /** Where a pretrained network is not installed, its results line gets a button that hands its id here. */
    public void onInstallNetwork(Consumer<String> show) {
        this.install = show;
    }

    /** The file choosers Open model... and the Keras import use (tests answer in their place). */
    public void filePicker(FilePicker picker) {
        this.files = picker;
    }

    private void chooseImages() {
        var chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.jpg", "*.jpeg", "*.png",
                "*.bmp", "*.gif"));
        List<File> chosen = chooser.showOpenMultipleDialog(root.getScene().getWindow());
        if (chosen != null) {
            open(chosen.stream().map(File::toPath).toList());
        }
    }

    private void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasImage()) {
            model.predictPasted(clipboard.getImage());
        } else if (clipboard.hasFiles()) {
            open(clipboard.getFiles().stream().map(File::toPath).toList());
        } else {
            model.say("The clipboard holds no image.");
        }
    }

    private void exportCsv() {
        var chooser = new FileChooser();
        chooser.setInitialFileName("predictions.csv");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            model.exportCsv(file.toPath());
        }
    }

    /** Results shown so far, newest first, for tests. */
    public List<Node> results() {
        return List.copyOf(results.getChildren());
    }

    public TableView<FolderRow> table() {
        return table;
    }

    private static Region grow(Region spacer) {
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    private static Button button(String text, Runnable action) {
        var b = new Button(text);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static TableColumn<FolderRow, String> column(String title,
            Function<FolderRow, String> value, double width) {
        TableColumn<FolderRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}

package org.dl4jworkbench.app.ui;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.ui.dashboard.DashboardView;
import org.dl4jworkbench.app.ui.dataset.DatasetPanel;
import org.dl4jworkbench.app.ui.editor.InspectorView;
import org.dl4jworkbench.app.ui.evaluation.EvaluationView;
import org.dl4jworkbench.app.ui.predict.PredictionPane;
import org.dl4jworkbench.app.ui.runs.ResumeBar;
import org.dl4jworkbench.app.ui.runs.RunOpener;
import org.dl4jworkbench.app.ui.runs.RunsView;
import org.dl4jworkbench.app.ui.sweep.SweepMenu;
import org.dl4jworkbench.app.ui.editor.NetworkCanvas;
import org.dl4jworkbench.app.ui.editor.PaletteView;
import org.dl4jworkbench.app.ui.editor.ProblemsView;
import org.dl4jworkbench.app.ui.editor.TotalsView;
import org.dl4jworkbench.app.ui.training.TrainingSettingsView;
import org.dl4jworkbench.core.data.Dataset;

/**
 * The workbench window: menus and tool bar; the Network tab (palette, the network as a chain
 * of blocks, the selected block's settings, totals and problems), the Dataset tab and the
 * Training tab; a status bar with the dataset and what the window is doing.
 */
public final class MainWindow {

    public static final String TABS_ID = "tabs";
    public static final String TRAIN_ID = "train";
    public static final String TRAIN_REASON_ID = "train-reason";
    public static final String STATUS_ID = "status";

    private final WorkbenchModel model;
    private final EditorModel editor;
    private final TabPane tabs = new TabPane();
    private final Tab networkTab = new Tab("Network");
    private final Tab datasetTab = new Tab("Dataset");
    private final Tab trainingTab = new Tab("Training");
    private final Tab dashboardTab = new Tab("Dashboard");
    private final Tab predictTab = new Tab("Predict");
    private final Tab evaluationTab = new Tab("Evaluation");
    private final Tab runsTab = new Tab("Runs");
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final TrainAction training;
    private NetworkCanvas canvas;
    private DatasetPanel datasetPanel;
    private PredictionPane prediction;

    public MainWindow(WorkbenchModel model) {
        this.model = model;
        this.editor = model.editor();
        this.training = new TrainAction(model.executors().training(), model.runOn());
    }

    public void show(Stage stage) {
        stage.titleProperty().bind(ProjectMenus.title(model));
        var root = new BorderPane();
        root.setTop(new VBox(menus(stage), toolBar()));
        root.setCenter(tabs());
        root.setBottom(statusBar());
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(WorkbenchApp.scene(root, Math.min(1280, screen.getWidth() - 40),
                Math.min(820, screen.getHeight() - 60)));
        stage.show();
        canvas.node().requestFocus();
    }

    private Node tabs() {
        tabs.setId(TABS_ID);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        networkTab.setContent(networkEditor());
        datasetPanel = new DatasetPanel(model); // sources, classes, samples, augmentation, the fit to the network
        datasetTab.setContent(datasetPanel.node());
        var executors = model.executors();
        trainingTab.setContent(new TrainingSettingsView(editor, executors.compute(), model.runOn()).node());
        var dashboard = new DashboardView(training, executors.io());
        dashboard.followTheme(model.darkProperty());
        dashboard.onInstallNetwork(this::showNetwork); // a run needs a pretrained network that is not installed
        dashboardTab.setContent(dashboard.node());
        prediction = new PredictionPane(executors.compute(), executors.io());
        prediction.onInstallNetwork(this::showNetwork); // to predict with one that is not installed
        predictTab.setContent(prediction.node());
        prediction.follow(training); // a finished run's saved model replaces the snapshot
        model.addOpenListener(prediction::showLatestRunOf);
        var evaluation = new EvaluationView(executors.data(), prediction.model().predictorProperty());
        evaluationTab.setContent(evaluation.node());
        training.sessionProperty().addListener((obs, old, s) -> {
            if (s != null && s.result() != null) {
                evaluation.show(s.result().test(), s.trainedOn().test(), null); // the data the run trained on
            }
        });
        training.sessionProperty().addListener((obs, old, s) -> {
            if (s != null && (old == null || old.monitor() != s.monitor())) {
                model.runStarted(); // an unsaved project's runs make it unsaved: a save keeps them
            }
        });
        var runs = new RunsView(executors.io(), () -> model.projectProperty().get().runsFolder());
        runs.followTheme(model.darkProperty());
        new RunOpener(executors.data(), runs, evaluation, prediction::openModel,
                () -> model.datasetProperty().get()).follow(model.projectProperty());
        runsTab.setContent(runs.node());
        new ResumeBar(runs, training, executors.io(), executors.data(), () -> model.datasetProperty().get(),
                () -> tabs.getSelectionModel().select(dashboardTab));
        runsTab.setOnSelectionChanged(e -> {
            if (runsTab.isSelected()) {
                runs.refresh();
            }
        });
        tabs.getTabs().setAll(networkTab, datasetTab, trainingTab, dashboardTab, evaluationTab, predictTab, runsTab);
        return tabs;
    }

    /** The Dataset tab, at the card of the pretrained network {@code id}: how to install it. */
    private void showNetwork(String id) {
        datasetPanel.showNetwork(id);
        tabs.getSelectionModel().select(datasetTab);
    }

    private Node networkEditor() {
        canvas = new NetworkCanvas(editor);
        var palette = new PaletteView(editor).node();
        var inspector = new InspectorView(editor).node();
        var center = new SplitPane(palette, canvas.node(), inspector);
        center.setDividerPositions(0.21, 0.76);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(inspector, false);
        var problemsTitle = new Label("Problems");
        problemsTitle.getStyleClass().add("section-title");
        var problems = new ProblemsView(editor, () -> tabs.getSelectionModel().select(trainingTab)).node();
        var bottom = new VBox(6, new TotalsView(editor).node(), problemsTitle, problems);
        bottom.setPadding(new Insets(8));
        bottom.getStyleClass().add("editor-bottom");
        var split = new SplitPane(center, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.8);
        return split;
    }

    private MenuBar menus(Stage stage) {
        var quit = item("Quit", "Shortcut+Q", () -> ProjectMenus.requestClose(stage));
        var importKeras = item("Import Keras model...", "Shortcut+I", () -> prediction.importKeras(null,
                () -> tabs.getSelectionModel().select(predictTab))); // where the import's progress and model show
        var file = new Menu("File", null, new SeparatorMenuItem(), JavaExportAction.menuItem(editor, stage,
                model.executors().io(), () -> model.project().folder()), importKeras, new SeparatorMenuItem(), quit);
        ProjectMenus.install(file, model, stage, () -> {
            var s = training.sessionProperty().get();
            return s == null || s.model() == null || !java.nio.file.Files.isRegularFile(s.model()) ? null : s.model();
        }, t -> {
            if (datasetPanel.request(t)) { // the template needs other data: say so where it is chosen
                tabs.getSelectionModel().select(datasetTab);
            }
        });

        var edit = EditMenu.menu(editor);

        var dark = new CheckMenuItem("Dark theme");
        dark.selectedProperty().bindBidirectional(model.darkProperty());
        var view = new Menu("View", null, dark);
        var bar = new MenuBar(file, edit, view, SweepMenu.menu(model, stage));
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private Node toolBar() {
        var undo = new Button("Undo");
        undo.setOnAction(e -> editor.undo());
        undo.disableProperty().bind(editor.canUndoProperty().not());
        undo.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(editor.undoTextProperty().get()),
                editor.undoTextProperty()));
        var redo = new Button("Redo");
        redo.setOnAction(e -> editor.redo());
        redo.disableProperty().bind(editor.canRedoProperty().not());
        var train = new Button("Train");
        train.setId(TRAIN_ID);
        train.getStyleClass().add("accent");
        var reason = new Label();
        reason.setId(TRAIN_REASON_ID);
        reason.getStyleClass().add("train-reason");
        var fields = editor.fieldProblems();
        Runnable update = () -> {
            var errors = editor.analysis().errors();
            boolean loaded = model.datasetProperty().get() != null;
            int blocking = fields.size() + errors.size();
            String first = fields.first().orElse(errors.isEmpty() ? null
                    : errors.get(0).toString().replaceFirst(" Fix:.*", ""));
            train.setDisable(!training.isRunning() && (blocking > 0 || !loaded));
            reason.setText(first != null ? "Cannot train: " + first
                    + (blocking > 1 ? " (and " + (blocking - 1) + " more)" : "")
                    : !loaded ? "Waiting for the dataset" : "");
        };
        editor.analysisProperty().addListener((obs, old, a) -> update.run());
        fields.map().addListener((javafx.collections.MapChangeListener<String, String>) c -> update.run());
        model.datasetProperty().addListener((obs, old, d) -> update.run());
        update.run();
        train.setOnAction(e -> {
            if (training.isRunning()) {
                training.stop();
            } else {
                training.start(model.project(), model.datasetProperty().get());
                tabs.getSelectionModel().select(dashboardTab);
            }
        });
        training.progressProperty().addListener((obs, old, p) -> {
            train.setText(p.running() ? "Stop" : "Train");
            update.run();
        });
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(undo, redo, spacer, reason, train);
    }

    private Node statusBar() {
        status.setId(STATUS_ID);
        progress.setPrefWidth(160);
        progress.setVisible(false);
        Runnable update = () -> {
            TrainAction.Progress run = training.progressProperty().get();
            if (run.running() || !run.text().isEmpty()) {
                progress.setVisible(run.running());
                progress.setProgress(run.fraction());
                status.setText(run.text());
                return;
            }
            WorkbenchModel.Loading loading = model.loadingProperty().get();
            Dataset d = model.datasetProperty().get();
            String error = model.datasetErrorProperty().get();
            progress.setVisible(loading != null);
            if (loading != null) {
                progress.setProgress(loading.total() > 0 ? (double) loading.done() / loading.total() : -1);
                status.setText("Opening " + loading.spec() + ": " + loading.phase() + " ...");
            } else if (error != null) {
                status.setText("Dataset could not be opened: " + error);
            } else if (d != null) {
                status.setText(String.format(Locale.ROOT, "Dataset %s: %,d training and %,d test images, %dx%dx%d, "
                        + "%d classes", d.name(), d.train().size(), d.test().size(), d.train().height(),
                        d.train().width(), d.train().channels(), d.classNames().size()));
            }
        };
        model.loadingProperty().addListener((obs, old, now) -> update.run());
        model.datasetProperty().addListener((obs, old, now) -> update.run());
        model.datasetErrorProperty().addListener((obs, old, now) -> update.run());
        training.progressProperty().addListener((obs, old, now) -> update.run());
        update.run();
        var bar = new HBox(12, status, progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    static MenuItem item(String text, String accelerator, Runnable action) {
        var item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The canvas, for tests and the screenshots tool. */
    public NetworkCanvas canvas() {
        return canvas;
    }
}

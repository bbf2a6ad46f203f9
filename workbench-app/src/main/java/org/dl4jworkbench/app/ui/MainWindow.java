package org.dl4jworkbench.app.ui;

import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.dl4jworkbench.core.analysis.LayerInfo;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.analysis.Problem;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.spec.Template;
import org.dl4jworkbench.core.spec.Templates;

/**
 * The first workbench window: templates on the left, the selected network's layers with
 * their output shapes and parameter counts in the middle, problems and totals below, and the
 * dataset's size in the status bar (loaded off the FX thread).
 */
final class MainWindow {

    static final String TEMPLATES_ID = "templates";
    static final String LAYERS_ID = "layers";
    static final String PROBLEMS_ID = "problems";
    static final String TOTALS_ID = "totals";
    static final String DATASET_ID = "dataset";
    static final String DESCRIPTION_ID = "description";

    private final WorkbenchModel model;
    private final Executor background;
    private final Label dataset = new Label("Loading dataset ...");

    MainWindow(WorkbenchModel model, Executor background) {
        this.model = model;
        this.background = background;
    }

    void show(Stage stage) {
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> WorkbenchAppTitles.title(model.spec().name()), model.specProperty()));
        var root = new BorderPane();
        root.setCenter(new SplitPane(templates(), network()));
        root.setBottom(statusBar());
        ((SplitPane) root.getCenter()).setDividerPositions(0.24);
        stage.setScene(WorkbenchApp.scene(root, 1100, 640));
        stage.show();
        loadDataset();
    }

    private Region templates() {
        ListView<Template> list = new ListView<>();
        list.setId(TEMPLATES_ID);
        list.getItems().setAll(Templates.all());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Template t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.title());
                setTooltip(empty || t == null ? null : new javafx.scene.control.Tooltip(t.description()
                        + "\nFrom: " + t.source()));
            }
        });
        list.getSelectionModel().select(Templates.find(model.spec().name()).orElse(null));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, t) -> {
            if (t != null) {
                model.specProperty().set(t.spec());
            }
        });
        var header = new Label("Templates");
        header.getStyleClass().add("section-title");
        var box = new VBox(6, header, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Region network() {
        TableView<LayerInfo> table = new TableView<>();
        table.setId(LAYERS_ID);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Layer", 90, LayerInfo::name));
        table.getColumns().add(column("Type", 100, LayerInfo::type));
        table.getColumns().add(column("Settings", 240, LayerInfo::settings));
        table.getColumns().add(column("Output shape", 110, l -> l.outputShape().toString()));
        table.getColumns().add(number(column("Parameters", 100,
                l -> String.format(Locale.ROOT, "%,d", l.parameters()))));
        table.getColumns().add(number(column("Multiply-adds", 120,
                l -> String.format(Locale.ROOT, "%,d", l.multiplyAdds()))));

        ListView<Problem> problems = new ListView<>();
        problems.setId(PROBLEMS_ID);
        problems.setPrefHeight(90);
        problems.setPlaceholder(new Label("No problems: the network fits together."));

        var totals = new Label();
        totals.setId(TOTALS_ID);
        totals.getStyleClass().add("totals");

        model.analysisProperty().addListener((obs, old, a) -> show(a, table, problems, totals));
        show(model.analysisProperty().get(), table, problems, totals);

        var header = new Label("Network");
        header.getStyleClass().add("section-title");
        var description = new Label();
        description.setId(DESCRIPTION_ID);
        description.setWrapText(true);
        description.setMinHeight(Region.USE_PREF_SIZE);
        description.getStyleClass().add("description");
        description.textProperty().bind(Bindings.createStringBinding(() -> describe(model.spec().name()),
                model.specProperty()));
        var box = new VBox(6, header, description, table, totals, problems);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private static void show(NetworkAnalysis a, TableView<LayerInfo> table, ListView<Problem> problems, Label totals) {
        table.getItems().setAll(a.layers());
        problems.getItems().setAll(a.problems());
        totals.setText(String.format(Locale.ROOT, "Total parameters: %,d    Multiply-adds per image: %,d",
                a.totalParameters(), a.totalMultiplyAdds()));
    }

    private static String describe(String templateId) {
        return Templates.find(templateId).map(t -> t.description() + "\nFrom " + t.source()
                + (t.hasReportedAccuracy() ? String.format(Locale.ROOT, "; tutorial's accuracy %.0f%% on %s.",
                t.reportedAccuracy() * 100, t.dataset()) : ".")).orElse("");
    }

    private static <T> TableColumn<LayerInfo, T> number(TableColumn<LayerInfo, T> column) {
        column.getStyleClass().add("number");
        return column;
    }

    private static TableColumn<LayerInfo, String> column(String title, double width,
                                                         java.util.function.Function<LayerInfo, String> value) {
        TableColumn<LayerInfo, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private Region statusBar() {
        dataset.setId(DATASET_ID);
        var bar = new HBox(dataset);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    private void loadDataset() {
        String spec = model.datasetProperty().get();
        Task<Dataset> task = new Task<>() {
            @Override
            protected Dataset call() throws Exception {
                return Datasets.open(spec);
            }
        };
        task.setOnSucceeded(e -> {
            Dataset d = task.getValue();
            dataset.setText(String.format(Locale.ROOT, "Dataset %s: %,d training and %,d test images, %dx%dx%d, "
                    + "%d classes", d.name(), d.train().size(), d.test().size(), d.train().height(), d.train().width(),
                    d.train().channels(), d.classNames().size()));
        });
        task.setOnFailed(e -> dataset.setText("Dataset " + spec + " could not be opened: "
                + task.getException().getMessage()));
        background.execute(task);
    }
}

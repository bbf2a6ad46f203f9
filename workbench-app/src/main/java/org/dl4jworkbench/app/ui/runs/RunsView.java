package org.dl4jworkbench.app.ui.runs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.dl4jworkbench.app.charts.Chart;
import org.dl4jworkbench.app.charts.CurvesChart;
import org.dl4jworkbench.app.charts.LiveChart;
import org.dl4jworkbench.core.run.RunEntry;
import org.dl4jworkbench.core.run.RunFolder;

/**
 * The project's past runs with their network, dataset, status and accuracies; select one to
 * see its curves again, or several to overlay them. Listing and reading run folders happen
 * in the background.
 */
public final class RunsView {

    public static final String ID = "runs";
    public static final String TABLE_ID = "runs-table";

    private final Executor background;
    private final Supplier<Path> folder;
    private final TableView<RunEntry> table = new TableView<>();
    private final Canvas canvas = new Canvas(800, 400);
    private final Label note = new Label("Select a run to see its curves, or several to compare them.");
    private Chart chart;

    public RunsView(Executor background, Supplier<Path> folder) {
        this.background = background;
        this.folder = folder;
        table.setId(TABLE_ID);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No runs yet: press Train."));
        table.getColumns().add(column("Run", RunEntry::name, 200));
        table.getColumns().add(column("Network", e -> or(e.network()), 100));
        table.getColumns().add(column("Dataset", e -> or(e.dataset()), 140));
        table.getColumns().add(column("Status", RunEntry::status, 100));
        table.getColumns().add(column("Epochs", e -> e.epochsCompleted() + "/" + (e.epochsPlanned() > 0
                ? e.epochsPlanned() : "?"), 70));
        table.getColumns().add(column("Best validation", e -> percent(e.bestValidationAccuracy()), 120));
        table.getColumns().add(column("Test", e -> percent(e.testAccuracy()), 80));
        table.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<RunEntry>) c -> showSelected());
        var refresh = new Button("Refresh");
        refresh.setOnAction(e -> refresh());
        var chartPane = new Pane(canvas);
        canvas.widthProperty().bind(chartPane.widthProperty());
        canvas.heightProperty().bind(chartPane.heightProperty());
        canvas.widthProperty().addListener((obs, o, n) -> draw());
        canvas.heightProperty().addListener((obs, o, n) -> draw());
        var top = new VBox(6, new HBox(8, refresh, note), table);
        top.setPadding(new Insets(12));
        var split = new SplitPane(top, chartPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        root = split;
        root.setId(ID);
    }

    private final SplitPane root;

    public Node node() {
        return root;
    }

    /** Lists the runs again (after a run ends, or on request). */
    public void refresh() {
        Path dir = folder.get();
        Task<List<RunEntry>> task = new Task<>() {
            @Override
            protected List<RunEntry> call() throws Exception {
                return java.nio.file.Files.isDirectory(dir) ? RunEntry.list(dir, Instant.now()) : List.of();
            }
        };
        task.setOnSucceeded(e -> table.getItems().setAll(task.getValue()));
        task.setOnFailed(e -> note.setText("Could not list " + dir + ": " + task.getException().getMessage()));
        background.execute(task);
    }

    private void showSelected() {
        List<RunFolder> runs = table.getSelectionModel().getSelectedItems().stream().map(RunEntry::run).toList();
        if (runs.isEmpty()) {
            return;
        }
        Task<Chart> task = new Task<>() {
            @Override
            protected Chart call() throws Exception {
                return runs.size() == 1 ? CurvesChart.forRun(runs.get(0)) : CurvesChart.compare(runs);
            }
        };
        task.setOnSucceeded(e -> {
            chart = task.getValue();
            draw();
        });
        task.setOnFailed(e -> note.setText("Could not read the run: " + task.getException().getMessage()));
        background.execute(task);
    }

    private void draw() {
        if (chart != null && canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            LiveChart.draw(canvas.getGraphicsContext2D(), LiveChart.resized(chart, canvas.getWidth(),
                    canvas.getHeight()));
        }
    }

    /** The runs listed, for tests. */
    public List<RunEntry> entries() {
        return List.copyOf(table.getItems());
    }

    private static TableColumn<RunEntry, String> column(String title, java.util.function.Function<RunEntry, String>
            value, double width) {
        TableColumn<RunEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private static String percent(Double v) {
        return v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    private static String or(String s) {
        return s == null ? "-" : s;
    }
}

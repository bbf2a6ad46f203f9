package org.dl4jworkbench.app.ui.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.dl4jworkbench.app.charts.Chart;
import org.dl4jworkbench.app.charts.CurvesChart;
import org.dl4jworkbench.app.charts.LiveChart;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.run.RunEntry;
import org.dl4jworkbench.core.run.RunFolder;

/**
 * The project's past runs with their network, dataset, status and accuracies; select one to
 * see its curves again, or several to overlay them; Open (or a double click) opens one in the
 * window: its model in Predict, its evaluation in Evaluation. The detail shows only runs in
 * the list. Listing and reading run folders happen in the background.
 */
public final class RunsView {

    public static final String ID = "runs";
    public static final String TABLE_ID = "runs-table";
    public static final String OPEN_ID = "open-run";
    public static final String NOTE_ID = "runs-note";
    private static final String HINT = "Select a run to see its curves, or several to compare them; Open one to "
            + "use its model and see its evaluation.";

    private final Executor background;
    private final Supplier<Path> folder;
    private final TableView<RunEntry> table = new TableView<>();
    private final Canvas canvas = new Canvas(800, 400);
    private final Label note = new Label(HINT);
    private final VBox top = new VBox(6);
    private final SplitPane root;
    private Consumer<RunEntry> onOpen = entry -> { };
    private Chart chart;
    /** The run folders the chart shows. */
    private List<Path> charted = List.of();
    private boolean dark;

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
        table.getColumns().add(column("Epochs", e -> e.epochsCompleted() + "/" + (e.epochsPlanned() != null
                && e.epochsPlanned() > 0 ? e.epochsPlanned() : "?"), 70));
        table.getColumns().add(column("Best validation", e -> percent(e.bestValidationAccuracy()), 120));
        table.getColumns().add(column("Test", e -> percent(e.testAccuracy()), 80));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunEntry>) c -> showSelected());
        table.setRowFactory(t -> {
            var row = new TableRow<RunEntry>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    onOpen.accept(row.getItem());
                }
            });
            return row;
        });
        var refresh = new Button("Refresh");
        refresh.setOnAction(e -> refresh());
        var open = new Button("Open");
        open.setId(OPEN_ID);
        open.setTooltip(new javafx.scene.control.Tooltip("Use the selected run's model in Predict and show its "
                + "evaluation"));
        open.disableProperty().bind(javafx.beans.binding.Bindings.size(table.getSelectionModel().getSelectedItems())
                .isNotEqualTo(1));
        open.setOnAction(e -> onOpen.accept(table.getSelectionModel().getSelectedItem()));
        note.setId(NOTE_ID);
        note.setWrapText(true);
        var chartPane = new Pane(canvas);
        canvas.widthProperty().bind(chartPane.widthProperty());
        canvas.heightProperty().bind(chartPane.heightProperty());
        canvas.widthProperty().addListener((obs, o, n) -> draw());
        canvas.heightProperty().addListener((obs, o, n) -> draw());
        top.getChildren().setAll(new HBox(8, refresh, open, note), table);
        top.setPadding(new Insets(12));
        root = new SplitPane(top, chartPane);
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(0.4);
        root.setId(ID);
        root.setUserData(this); // for tests and screenshots, which find the view in the window
    }

    public Node node() {
        return root;
    }

    /** Adds a row of controls above the list (such as {@link ResumeBar}). */
    public void addRow(Node row) {
        top.getChildren().add(top.getChildren().indexOf(table), row);
    }

    /** The runs selected, as the list changes them. */
    public ObservableList<RunEntry> selection() {
        return table.getSelectionModel().getSelectedItems();
    }

    /** What Open (the button, a double click) does with a run. */
    public void setOnOpen(Consumer<RunEntry> action) {
        onOpen = action;
    }

    /** Draws the curves in the dark theme's colours while {@code darkTheme} is true. */
    public void followTheme(ObservableBooleanValue darkTheme) {
        dark = darkTheme.get();
        darkTheme.addListener((obs, old, now) -> {
            dark = now;
            draw();
        });
    }

    /** Says {@code text} above the list (what opening a run did). */
    public void say(String text) {
        note.setText(text);
    }

    /** Lists the runs again (after a run ends, or on request). */
    public void refresh() {
        refreshThen(entries -> { });
    }

    /**
     * Lists the runs again, then calls {@code then} with them on the FX thread. Runs that were
     * selected stay selected; the detail is cleared where none of its runs is in the list.
     */
    public void refreshThen(Consumer<List<RunEntry>> then) {
        Path dir = folder.get();
        BackgroundTask.wrap(() -> Files.isDirectory(dir) ? RunEntry.list(dir, Instant.now()) : List.<RunEntry>of())
                .onSuccess(entries -> {
            Set<Path> selected = table.getSelectionModel().getSelectedItems().stream().map(RunsView::dir)
                    .collect(Collectors.toSet());
            table.getItems().setAll(entries);
            Set<Path> listed = entries.stream().map(RunsView::dir).collect(Collectors.toSet());
            for (int i = 0; i < entries.size(); i++) {
                if (selected.contains(dir(entries.get(i)))) {
                    table.getSelectionModel().select(i);
                }
            }
            if (table.getSelectionModel().isEmpty() || !listed.containsAll(charted)) {
                clearDetail();
            }
            then.accept(entries);
        }).onFailure(f -> {
            table.getItems().clear();
            clearDetail();
            note.setText("Could not list the runs in " + dir + ": " + f.message());
        }).executeWith(background);
    }

    /** Selects {@code entry} alone (by its folder), which shows its curves. */
    public void select(RunEntry entry) {
        table.getSelectionModel().clearSelection();
        for (int i = 0; i < table.getItems().size(); i++) {
            if (dir(table.getItems().get(i)).equals(dir(entry))) {
                table.getSelectionModel().select(i);
                table.scrollTo(i);
            }
        }
    }

    private void clearDetail() {
        chart = null;
        charted = List.of();
        canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    }

    private void showSelected() {
        List<RunFolder> runs = table.getSelectionModel().getSelectedItems().stream().map(RunEntry::run).toList();
        if (runs.isEmpty()) {
            return;
        }
        BackgroundTask.wrap(() -> runs.size() == 1 ? CurvesChart.forRun(runs.get(0)) : CurvesChart.compare(runs))
                .onSuccess(read -> {
            List<Path> shown = runs.stream().map(r -> r.dir().toAbsolutePath().normalize()).toList();
            Set<Path> listed = table.getItems().stream().map(RunsView::dir).collect(Collectors.toSet());
            if (listed.containsAll(shown)) { // not refreshed away meanwhile
                chart = read;
                charted = shown;
                draw();
            }
        }).onFailure(f -> note.setText("Could not read the run: " + f.message())).executeWith(background);
    }

    private void draw() {
        if (chart != null && canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            LiveChart.draw(canvas.getGraphicsContext2D(), LiveChart.resized(chart, canvas.getWidth(),
                    canvas.getHeight()), dark);
        }
    }

    /** The runs listed, for tests. */
    public List<RunEntry> entries() {
        return List.copyOf(table.getItems());
    }

    /** The run folders whose curves the detail shows (none when it is empty), for tests. */
    public List<Path> charted() {
        return charted;
    }

    private static Path dir(RunEntry e) {
        return e.run().dir().toAbsolutePath().normalize();
    }

    private static TableColumn<RunEntry, String> column(String title, Function<RunEntry, String> value, double width) {
        TableColumn<RunEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private static String percent(Double v) {
        return v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    private static String or(String s) {
        return s == null ? "-" : s;
    }
}

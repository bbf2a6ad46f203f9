package org.dl4jworkbench.app.ui.training;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.core.backend.Backend;
import org.dl4jworkbench.core.spec.EarlyStoppingSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Optimizer;
import org.dl4jworkbench.core.spec.Schedule;
import org.dl4jworkbench.core.spec.SpecEnum;
import org.dl4jworkbench.core.spec.TrainingSpec;

/**
 * The training settings: optimizer and learning rate with its schedule, batch size, epochs,
 * weight decay, seed, early stopping, and the backend the workbench computes on. Every
 * change is an undoable edit of the network spec; problems show in the Network tab's list.
 */
public final class TrainingSettingsView {

    public static final String ID = "training-settings";

    private final EditorModel editor;
    private final VBox root = new VBox(12);
    private final Label backend = new Label("Starting the backend ...");
    private boolean updating;

    public TrainingSettingsView(EditorModel editor, Executor background) {
        this.editor = editor;
        root.setId(ID);
        root.setPadding(new Insets(16));
        root.getStyleClass().add("training-settings");
        editor.specProperty().addListener((obs, old, now) -> {
            if (!updating && (old == null || !old.training().equals(now.training()))) {
                rebuild();
            }
        });
        backend.setId("backend");
        backend.setWrapText(true);
        rebuild();
        Task<String> probe = new Task<>() {
            @Override
            protected String call() throws Exception {
                return Backend.load() + ", " + Runtime.getRuntime().availableProcessors() + " CPU cores, "
                        + System.getProperty("os.arch");
            }
        };
        probe.setOnSucceeded(e -> backend.setText(probe.getValue()));
        probe.setOnFailed(e -> backend.setText(probe.getException().getMessage()));
        background.execute(probe);
    }

    public Node node() {
        var scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void rebuild() {
        TrainingSpec t = editor.spec().training();
        var grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        choice(grid, "Optimizer", "optimizer", Optimizer.values(), t.optimizer(),
                v -> edit("optimizer", s -> s.withOptimizer(v, s.learningRate())));
        number(grid, "Learning rate", "learning-rate", t.learningRate(),
                v -> edit("learning rate", s -> s.withOptimizer(s.optimizer(), v)));
        if (t.optimizer() == Optimizer.NESTEROV) {
            number(grid, "Momentum", "momentum", t.momentum(), v -> edit("momentum", s -> new TrainingSpec(
                    s.optimizer(), s.learningRate(), v, s.batchSize(), s.epochs(), s.l2(), s.seed(), s.schedule(),
                    s.warmupEpochs(), s.earlyStopping())));
        }
        var scheduleKind = new ChoiceBox<String>();
        scheduleKind.getItems().setAll("constant", "step", "cosine");
        scheduleKind.setId("schedule");
        scheduleKind.setValue(t.schedule() instanceof Schedule.Step ? "step"
                : t.schedule() instanceof Schedule.Cosine ? "cosine" : "constant");
        scheduleKind.valueProperty().addListener((obs, old, v) -> edit("schedule", s -> s.withSchedule(
                switch (v) {
                    case "step" -> new Schedule.Step(Math.max(1, s.epochs() / 3), 0.1);
                    case "cosine" -> Schedule.COSINE;
                    default -> Schedule.CONSTANT;
                }, s.warmupEpochs())));
        row(grid, "Schedule", scheduleKind);
        if (t.schedule() instanceof Schedule.Step step) {
            integer(grid, "Every (epochs)", "step-epochs", step.everyEpochs(), 1, 1000,
                    v -> edit("step", s -> s.withSchedule(new Schedule.Step(v, step.factor()), s.warmupEpochs())));
            number(grid, "Multiply by", "step-factor", step.factor(),
                    v -> edit("step", s -> s.withSchedule(new Schedule.Step(step.everyEpochs(), v), s.warmupEpochs())));
        }
        number(grid, "Warm-up (epochs)", "warmup", t.warmupEpochs(),
                v -> edit("warm-up", s -> s.withSchedule(s.schedule(), v)));
        integer(grid, "Batch size", "batch-size", t.batchSize(), 1, 4096, v -> edit("batch size", s -> s.withBatchSize(v)));
        integer(grid, "Epochs", "epochs", t.epochs(), 1, 10_000, v -> edit("epochs", s -> s.withEpochs(v)));
        number(grid, "L2 weight decay", "l2", t.l2(), v -> edit("L2", s -> s.withL2(v)));
        integer(grid, "Seed", "seed", (int) t.seed(), 0, Integer.MAX_VALUE, v -> edit("seed", s -> s.withSeed(v)));

        var early = new CheckBox("Stop early when validation stops improving");
        early.setId("early-stopping");
        early.setSelected(t.earlyStopping() != null);
        early.selectedProperty().addListener((obs, old, on) -> edit("early stopping",
                s -> s.withEarlyStopping(on ? EarlyStoppingSpec.onValidationLoss(5) : null)));
        grid.add(early, 0, grid.getRowCount(), 2, 1);
        if (t.earlyStopping() != null) {
            EarlyStoppingSpec e = t.earlyStopping();
            choice(grid, "Watch", "stop-metric", EarlyStoppingSpec.Metric.values(), e.metric(),
                    v -> edit("early stopping", s -> s.withEarlyStopping(new EarlyStoppingSpec(v, e.patience(),
                            e.minDelta()))));
            integer(grid, "Patience (epochs)", "patience", e.patience(), 1, 1000,
                    v -> edit("early stopping", s -> s.withEarlyStopping(new EarlyStoppingSpec(e.metric(), v,
                            e.minDelta()))));
        }
        var title = new Label("Training");
        title.getStyleClass().add("section-title");
        var backendTitle = new Label("Backend");
        backendTitle.getStyleClass().add("section-title");
        root.getChildren().setAll(title, grid, backendTitle, backend);
    }

    private void edit(String what, UnaryOperator<TrainingSpec> change) {
        updating = true;
        try {
            editor.apply("Change " + what, "training." + what, s -> s.withTraining(change.apply(s.training())),
                    editor.selected());
        } finally {
            updating = false;
        }
        NetworkSpec now = editor.spec();
        if (needsRebuild(now)) {
            rebuild();
        }
    }

    /** Controls that appear with a setting (momentum, step, early stopping) need the form rebuilt. */
    private boolean needsRebuild(NetworkSpec now) {
        TrainingSpec t = now.training();
        return root.lookup("#momentum") == null == (t.optimizer() == Optimizer.NESTEROV)
                || root.lookup("#step-epochs") == null == (t.schedule() instanceof Schedule.Step)
                || root.lookup("#patience") == null == (t.earlyStopping() != null);
    }

    private static void row(GridPane grid, String label, Node control) {
        int r = grid.getRowCount();
        var l = new Label(label);
        l.setLabelFor(control);
        grid.add(l, 0, r);
        grid.add(control, 1, r);
    }

    private static void integer(GridPane grid, String label, String id, int value, int min, int max,
                                java.util.function.IntConsumer set) {
        var spinner = new Spinner<Integer>(min, max, Math.max(min, Math.min(max, value)));
        spinner.setEditable(true);
        spinner.setId(id);
        spinner.valueProperty().addListener((obs, old, v) -> {
            if (v != null && !v.equals(old)) {
                set.accept(v);
            }
        });
        spinner.getEditor().textProperty().addListener((obs, old, text) -> {
            try {
                spinner.getValueFactory().setValue(Integer.parseInt(text.strip()));
            } catch (NumberFormatException e) {
                // not a whole number yet
            }
        });
        row(grid, label, spinner);
    }

    /** A number field that commits each valid value as it is typed; the analysis judges its range. */
    private static void number(GridPane grid, String label, String id, double value,
                               java.util.function.DoubleConsumer set) {
        var field = new TextField(format(value));
        field.setId(id);
        field.setPrefColumnCount(8);
        field.textProperty().addListener((obs, old, text) -> {
            try {
                set.accept(Double.parseDouble(text.strip()));
                field.getStyleClass().remove("invalid");
            } catch (NumberFormatException e) {
                if (!field.getStyleClass().contains("invalid")) {
                    field.getStyleClass().add("invalid");
                }
            }
        });
        row(grid, label, field);
    }

    private <E extends Enum<E> & SpecEnum> void choice(GridPane grid, String label, String id, E[] values, E value,
                                                       java.util.function.Consumer<E> set) {
        var box = new ChoiceBox<E>();
        box.getItems().setAll(values);
        box.setValue(value);
        box.setId(id);
        box.setConverter(converter(SpecEnum::id));
        box.valueProperty().addListener((obs, old, v) -> {
            if (v != null && v != old) {
                set.accept(v);
            }
        });
        row(grid, label, box);
    }

    private static <E> StringConverter<E> converter(Function<E, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : text.apply(e);
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        };
    }

    private static String format(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }
}

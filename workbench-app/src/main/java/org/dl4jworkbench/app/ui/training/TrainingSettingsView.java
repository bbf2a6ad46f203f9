package org.dl4jworkbench.app.ui.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.ui.fields.NumberField;
import org.dl4jworkbench.app.ui.fields.NumberRule;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.backend.Backend;
import org.dl4jworkbench.core.spec.EarlyStoppingSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Optimizer;
import org.dl4jworkbench.core.spec.Schedule;
import org.dl4jworkbench.core.spec.SpecEnum;
import org.dl4jworkbench.core.spec.TrainingSpec;

/**
 * The training settings: optimizer and learning rate with its schedule, batch size, epochs,
 * weight decay, seed, early stopping, where runs train ({@link RunOnView}: this computer or a
 * Spark cluster), and the backend the workbench computes on. Every
 * change is an undoable edit of the network spec; problems show in the Network tab's list.
 * Numbers are {@link NumberField}s: text they refuse is reported, never applied.
 */
public final class TrainingSettingsView {

    public static final String ID = "training-settings";

    private final EditorModel editor;
    private final VBox root = new VBox(12);
    private final Label backend = new Label("Starting the backend ...");
    private final List<NumberField> fields = new ArrayList<>();
    private final RunOnView runOn;
    private int builtFor = -1;
    private boolean updating;

    /**
     * @param background where the backend is started (the compute executor)
     * @param runOn      where runs train: here or on Spark (the window's choice, not the network's)
     */
    public TrainingSettingsView(EditorModel editor, Executor background, RunOn runOn) {
        this.editor = editor;
        this.runOn = new RunOnView(runOn, editor.fieldProblems());
        root.setId(ID);
        root.setPadding(new Insets(16));
        root.getStyleClass().add("training-settings");
        editor.specProperty().addListener((obs, old, now) -> {
            if (!updating && (old == null || builtFor != editor.loads()
                    || !old.training().equals(now.training()))) {
                rebuild();
            }
        });
        editor.loadedProperty().addListener((obs, old, now) -> rebuild()); // what was typed goes with the project
        backend.setId("backend");
        backend.setWrapText(true);
        rebuild();
        BackgroundTask.wrap(() -> Backend.load() + ", " + Runtime.getRuntime().availableProcessors() + " CPU cores, "
                        + System.getProperty("os.arch"))
                .onSuccess(backend::setText)
                .onFailure(f -> backend.setText("The backend could not start: " + f.message()))
                .executeWith(background);
    }

    public Node node() {
        var scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void rebuild() {
        Map<String, NumberField> before = new HashMap<>();
        if (builtFor == editor.loads()) { // the same project: text refused before the rebuild stays
            fields.forEach(f -> before.put(f.id(), f));
        }
        builtFor = editor.loads();
        fields.forEach(NumberField::dispose);
        fields.clear();
        TrainingSpec t = editor.spec().training();
        var grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        choice(grid, "Optimizer", "optimizer", Optimizer.values(), t.optimizer(),
                v -> edit("optimizer", s -> s.withOptimizer(v, s.learningRate())));
        number(grid, "Learning rate", text("learning-rate", NumberRule.decimal("Learning rate", 0, 10).aboveMin(),
                t.learningRate(), v -> edit("learning rate", s -> s.withOptimizer(s.optimizer(), v))));
        if (t.optimizer() == Optimizer.NESTEROV) {
            number(grid, "Momentum", text("momentum", NumberRule.decimal("Momentum", 0, 1).belowMax(), t.momentum(),
                    v -> edit("momentum", s -> new TrainingSpec(s.optimizer(), s.learningRate(), v, s.batchSize(),
                            s.epochs(), s.l2(), s.seed(), s.schedule(), s.warmupEpochs(), s.earlyStopping()))));
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
            number(grid, "Every (epochs)", whole("step-epochs", NumberRule.whole("Every (epochs)", 1, 1000),
                    step.everyEpochs(), v -> edit("step", s -> s.withSchedule(new Schedule.Step((int) v,
                            ((Schedule.Step) s.schedule()).factor()), s.warmupEpochs()))));
            number(grid, "Multiply by", text("step-factor", NumberRule.decimal("Multiply by", 0, 1).aboveMin(),
                    step.factor(), v -> edit("step", s -> s.withSchedule(new Schedule.Step(
                            ((Schedule.Step) s.schedule()).everyEpochs(), v), s.warmupEpochs()))));
        }
        number(grid, "Warm-up (epochs)", text("warmup", NumberRule.decimal("Warm-up (epochs)", 0, 1000),
                t.warmupEpochs(), v -> edit("warm-up", s -> s.withSchedule(s.schedule(), v))));
        number(grid, "Batch size", whole("batch-size", NumberRule.whole("Batch size", 1, 4096), t.batchSize(),
                v -> edit("batch size", s -> s.withBatchSize((int) v))));
        number(grid, "Epochs", whole("epochs", NumberRule.whole("Epochs", 1, 1000), t.epochs(),
                v -> edit("epochs", s -> s.withEpochs((int) v))));
        number(grid, "L2 weight decay", text("l2", NumberRule.decimal("L2 weight decay", 0, 1).belowMax(), t.l2(),
                v -> edit("L2", s -> s.withL2(v))));
        number(grid, "Seed", text("seed", NumberRule.whole("Seed", 0, Integer.MAX_VALUE), t.seed(),
                v -> edit("seed", s -> s.withSeed((long) v))));

        var early = new CheckBox("Stop early when validation stops improving");
        early.setId("early-stopping");
        early.setSelected(t.earlyStopping() != null);
        early.selectedProperty().addListener((obs, old, on) -> edit("early stopping",
                s -> s.withEarlyStopping(on ? EarlyStoppingSpec.onValidationLoss(5) : null)));
        grid.add(early, 0, grid.getRowCount(), 2, 1);
        if (t.earlyStopping() != null) {
            EarlyStoppingSpec e = t.earlyStopping();
            choice(grid, "Watch", "stop-metric", EarlyStoppingSpec.Metric.values(), e.metric(),
                    v -> edit("early stopping", s -> s.withEarlyStopping(new EarlyStoppingSpec(v,
                            s.earlyStopping().patience(), s.earlyStopping().minDelta()))));
            number(grid, "Patience (epochs)", whole("patience", NumberRule.whole("Patience (epochs)", 1, 1000),
                    e.patience(), v -> edit("early stopping", s -> s.withEarlyStopping(new EarlyStoppingSpec(
                            s.earlyStopping().metric(), (int) v, s.earlyStopping().minDelta())))));
        }
        // text refused before the rebuild stays, unless the spec's value changed meanwhile (undo)
        for (NumberField f : fields) {
            NumberField old = before.get(f.id());
            if (old != null && !old.isValid() && old.value() == f.value()) {
                f.restore(old.editor().getText());
            }
        }
        var title = new Label("Training");
        title.getStyleClass().add("section-title");
        var backendTitle = new Label("Backend");
        backendTitle.getStyleClass().add("section-title");
        var runOnTitle = new Label("Where it trains");
        runOnTitle.getStyleClass().add("section-title");
        root.getChildren().setAll(title, grid, runOnTitle, runOn.node(), backendTitle, backend);
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

    private NumberField text(String id, NumberRule rule, double value, DoubleConsumer set) {
        var field = NumberField.text(id, rule, value, editor.fieldProblems()).onValue(set);
        fields.add(field);
        return field;
    }

    private NumberField whole(String id, NumberRule rule, double value, DoubleConsumer set) {
        var field = NumberField.spinner(id, rule, value, 1, editor.fieldProblems()).onValue(set);
        fields.add(field);
        return field;
    }

    private static void number(GridPane grid, String label, NumberField field) {
        int r = grid.getRowCount();
        var l = new Label(label);
        l.setLabelFor(field.control());
        grid.add(l, 0, r);
        grid.add(field.node(), 1, r);
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
}

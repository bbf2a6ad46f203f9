package org.dl4jworkbench.app.ui.training;

import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dl4jworkbench.app.editor.FieldProblems;
import org.dl4jworkbench.app.ui.fields.NumberField;

/**
 * The Training panel's "Run on" choice: this computer, or a Spark cluster at the master URL
 * typed below it (shown only for Spark). A URL the window cannot train on is reported under
 * the field and holds the Train button back, as a refused number does.
 */
public final class RunOnView {

    public static final String WHERE_ID = "run-on";
    public static final String MASTER_ID = "spark-master";

    private final RunOn runOn;
    private final FieldProblems problems;
    private final GridPane grid = new GridPane();
    private final TextField master = new TextField();
    private final Label message = new Label();

    public RunOnView(RunOn runOn, FieldProblems problems) {
        this.runOn = runOn;
        this.problems = problems;
        var where = new ChoiceBox<RunOn.Where>();
        where.getItems().setAll(RunOn.Where.values());
        where.setId(WHERE_ID);
        where.valueProperty().bindBidirectional(runOn.whereProperty());
        where.setTooltip(new Tooltip("Spark: './workbench spark train' trains in a process of its own (on a JDK 17), "
                + "its minibatches fitted on the cluster; the dashboard follows its run folder"));
        master.setId(MASTER_ID);
        master.setPromptText("local[N] or spark://HOST:PORT");
        master.setPrefColumnCount(18);
        master.setMaxWidth(Region.USE_PREF_SIZE);
        master.textProperty().bindBidirectional(runOn.masterProperty());
        master.setTooltip(new Tooltip(SparkMaster.FIELD + ": local[N] (Spark on this computer, N worker threads) or "
                + "a standalone cluster's spark://HOST:PORT"));
        message.setId(MASTER_ID + "-problem");
        message.getStyleClass().add("field-problem");
        message.setWrapText(true);
        message.setMaxWidth(300);
        message.setMinHeight(Region.USE_PREF_SIZE);
        grid.setHgap(12);
        grid.setVgap(8);
        var whereLabel = new Label("Run on");
        whereLabel.setLabelFor(where);
        var masterLabel = new Label(SparkMaster.FIELD);
        masterLabel.setLabelFor(master);
        var masterBox = new VBox(2, master, message);
        grid.addRow(0, whereLabel, where);
        grid.addRow(1, masterLabel, masterBox);
        // Level with the field, not with the field and its (mostly empty) message below it.
        GridPane.setValignment(masterLabel, VPos.TOP);
        masterLabel.setPadding(new Insets(5, 0, 0, 0));
        for (Node n : new Node[] {masterLabel, masterBox}) {
            n.visibleProperty().bind(runOn.whereProperty().isEqualTo(RunOn.Where.SPARK));
            n.managedProperty().bind(n.visibleProperty());
        }
        runOn.whereProperty().addListener((obs, old, now) -> check());
        runOn.masterProperty().addListener((obs, old, now) -> check());
        check();
    }

    public Node node() {
        return grid;
    }

    /** The URL's problem under the field and in the field problems while Spark is chosen; none otherwise. */
    private void check() {
        String problem = runOn.problem().orElse(null);
        message.setText(problem == null ? "" : problem);
        master.getStyleClass().remove(NumberField.INVALID);
        if (problem != null) {
            master.getStyleClass().add(NumberField.INVALID);
        }
        if (problem == null) {
            problems.remove(MASTER_ID);
        } else {
            problems.put(MASTER_ID, problem);
        }
    }
}

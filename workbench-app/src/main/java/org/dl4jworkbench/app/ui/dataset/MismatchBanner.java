package org.dl4jworkbench.app.ui.dataset;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.core.analysis.Problem;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;

/**
 * Says how the network and the dataset disagree, in the analyzer's words (input size, class
 * count; the same problems the Network tab lists), plus, for image folders, that the images
 * are converted to the network's input; "Fit the network to the data" sets the input and the
 * output classes in one undoable edit.
 */
final class MismatchBanner {

    static final String ID = "dataset-mismatch";
    static final String FIT_ID = "fit-network";

    private final EditorModel editor;
    private final VBox root = new VBox(6);
    private final Label text = new Label();
    private final Label change = new Label();
    private final Button fit = new Button("Fit the network to the data");
    private Dataset data;

    MismatchBanner(EditorModel editor) {
        this.editor = editor;
        root.setId(ID);
        root.getStyleClass().add("dataset-banner");
        text.setId("mismatch-text");
        text.setWrapText(true);
        change.setWrapText(true);
        change.getStyleClass().add("hint");
        fit.setId(FIT_ID);
        fit.setOnAction(e -> fit());
        HBox.setHgrow(change, Priority.ALWAYS);
        var actions = new HBox(10, fit, change);
        actions.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().setAll(text, actions);
        editor.analysisProperty().addListener((obs, old, now) -> update());
        hide();
    }

    Node node() {
        return root;
    }

    void setDataset(Dataset dataset) {
        data = dataset;
        update();
    }

    void fit() {
        Dataset d = data;
        if (d != null) {
            editor.apply("Fit the network to " + d.name(), s -> NetworkFit.fitted(s, d));
        }
    }

    private void update() {
        NetworkSpec spec = editor.spec();
        if (data == null || spec == null) {
            hide();
            return;
        }
        NetworkSpec fitted = NetworkFit.fitted(spec, data);
        if (fitted.equals(spec)) {
            hide();
            return;
        }
        List<Problem> problems = NetworkFit.dataProblems(editor.analysis());
        List<String> lines = new ArrayList<>();
        problems.forEach(p -> lines.add(p.toString().replaceFirst(" Fix:.*", "")));
        InputSpec in = spec.input();
        InputSpec natural = fitted.input();
        if (data.resizable() && !natural.equals(in)) {
            lines.add("The images are " + (data.report().uniformSize() ? data.report().minHeight() + "x"
                    + data.report().minWidth() + " " : "") + (natural.channels() == 1 ? "gray" : "colour")
                    + "; they are converted to the network's " + in + " input.");
        }
        if (lines.isEmpty()) { // the analysis has not caught up with the dataset yet
            lines.add("The network takes " + in + " images into " + spec.output().classes() + " classes; the "
                    + "dataset suits " + natural + " and " + fitted.output().classes() + " classes.");
        }
        text.setText(String.join("\n", lines));
        List<String> changes = new ArrayList<>();
        if (!natural.equals(in)) {
            changes.add("the input to " + natural);
        }
        if (fitted.output().classes() != spec.output().classes()) {
            changes.add("the output to " + fitted.output().classes() + " classes");
        }
        change.setText("Sets " + String.join(" and ", changes) + " (one edit; Undo reverts it).");
        root.getStyleClass().removeAll("banner-error", "banner-note");
        root.getStyleClass().add(problems.isEmpty() ? "banner-note" : "banner-error");
        root.setVisible(true);
        root.setManaged(true);
    }

    private void hide() {
        root.setVisible(false);
        root.setManaged(false);
    }
}

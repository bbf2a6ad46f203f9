package org.dl4jworkbench.app.ui.editor;

import java.util.function.IntConsumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.dl4jworkbench.app.editor.BackboneEdits;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.core.analysis.Problem;
import org.dl4jworkbench.core.analysis.Severity;

/**
 * Every problem the analysis finds, errors first; clicking one selects its block (or, for a
 * training setting, asks to show the training settings).
 */
public final class ProblemsView {

    public static final String ID = "problems";

    private final ListView<Problem> list = new ListView<>();

    public ProblemsView(EditorModel editor, Runnable showTrainingSettings) {
        list.setId(ID);
        list.getStyleClass().add("problems");
        list.setPlaceholder(new Label("No problems: the network fits together."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().removeAll("problem-error", "problem-warning");
                if (empty || p == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(p.toString());
                setWrapText(true);
                setPrefWidth(0); // wrap at the list's width instead of scrolling sideways
                getStyleClass().add(p.severity() == Severity.ERROR ? "problem-error" : "problem-warning");
            }
        });
        IntConsumer select = editor::select;
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, p) -> {
            if (p == null) {
                return;
            }
            switch (p.layerIndex()) {
                case Problem.TRAINING -> showTrainingSettings.run();
                case Problem.OUTPUT -> select.accept(editor.outputBlock());
                default -> select.accept(BackboneEdits.isAbout(editor.spec(), p) ? EditorModel.BACKBONE
                        : p.layerIndex());
            }
        });
        editor.analysisProperty().addListener((obs, old, a) -> show(editor));
        show(editor);
    }

    private void show(EditorModel editor) {
        list.getItems().setAll(editor.analysis().problems().stream()
                .sorted(java.util.Comparator.comparing(Problem::severity)).toList());
    }

    public Node node() {
        return list;
    }
}

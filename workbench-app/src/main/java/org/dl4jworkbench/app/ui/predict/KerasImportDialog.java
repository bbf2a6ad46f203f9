package org.dl4jworkbench.app.ui.predict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.dl4jworkbench.app.ui.DialogSizing;
import org.dl4jworkbench.core.spec.Normalization;

/**
 * Asks what a Keras file does not record before it is imported: how the model's training
 * pixels were scaled (raw 0..255, 0..1, or -1..1; 0..1 unless the user knows better, as the
 * TensorFlow tutorials' {@code Rescaling(1./255)} does) and its class names, comma-separated
 * in output order (blank: 0 to N-1). Import stays disabled while a name is empty or repeated.
 */
public final class KerasImportDialog {

    public static final String SCALING_ID = "keras-scaling-"; // + none, scale, symmetric
    public static final String CLASSES_ID = "keras-classes";
    public static final String PROBLEM_ID = "keras-classes-problem";
    public static final String IMPORT = "Import...";

    /** The user's answers: the scaling, and the class names (null for 0 to N-1). */
    record Answer(Normalization normalization, List<String> classNames) {
    }

    /** The class names typed: null for none (blank), or a problem to show. */
    record ClassNames(List<String> names, String problem) {
    }

    private KerasImportDialog() {
    }

    static Optional<Answer> show(Window owner, Path file, Path weights) {
        var dialog = new Dialog<Answer>();
        dialog.initOwner(owner);
        dialog.setTitle("Import Keras model");
        dialog.setHeaderText("Import " + file.getFileName() + (weights == null ? "" : " with the weights of "
                + weights.getFileName()) + " as a workbench model");
        var scalingTitle = new Label("Pixels the model was trained on");
        scalingTitle.getStyleClass().add("section-title");
        var group = new ToggleGroup();
        var none = radio(group, Normalization.NONE, "Raw pixels, 0..255");
        var scale = radio(group, Normalization.SCALE, "Scaled to 0..1 (x / 255), as the TensorFlow tutorials' "
                + "Rescaling(1./255)");
        var symmetric = radio(group, Normalization.SYMMETRIC, "Scaled to -1..1 (x / 127.5 - 1), as Keras's "
                + "MobileNet and other applications");
        group.selectToggle(scale);
        var scalingNote = note("A Keras file does not record how its training images were prepared: choose what "
                + "the model was trained with, or its predictions are wrong.");
        var classesTitle = new Label("Class names");
        classesTitle.getStyleClass().add("section-title");
        var classes = new TextField();
        classes.setId(CLASSES_ID);
        classes.setPromptText("e.g. cat, dog (blank: 0, 1, 2, ...)");
        var classesNote = note("Comma-separated, in the order of the model's outputs; leave blank for 0, 1, 2, ...");
        var problem = new Label();
        problem.setId(PROBLEM_ID);
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        var content = new VBox(6, scalingTitle, none, scale, symmetric, scalingNote, spacer(), classesTitle, classes,
                classesNote, problem);
        content.setPadding(new Insets(12, 16, 4, 16));
        content.setPrefWidth(580);
        dialog.getDialogPane().setContent(content);
        var importButton = new ButtonType(IMPORT, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(importButton, ButtonType.CANCEL);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        var ok = dialog.getDialogPane().lookupButton(importButton);
        classes.textProperty().addListener((obs, old, text) -> {
            String found = parse(text).problem();
            problem.setText(found == null ? "" : found);
            classes.getStyleClass().remove("invalid");
            if (found != null) {
                classes.getStyleClass().add("invalid");
            }
            ok.setDisable(found != null);
        });
        dialog.setResultConverter(b -> b == importButton ? new Answer((Normalization) group.getSelectedToggle()
                .getUserData(), parse(classes.getText()).names()) : null);
        DialogSizing.fitOnShown(dialog, owner, classes::requestFocus);
        return dialog.showAndWait();
    }

    /** "cat, dog" as [cat, dog]; blank as null (0 to N-1); an empty or repeated name is a problem. */
    static ClassNames parse(String text) {
        if (text == null || text.isBlank()) {
            return new ClassNames(null, null);
        }
        List<String> names = new ArrayList<>();
        var seen = new HashSet<String>();
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String name = parts[i].strip();
            if (name.isEmpty()) {
                return new ClassNames(null, "Name " + (i + 1) + " of " + parts.length + " is empty: write a name "
                        + "between each pair of commas, or remove the extra comma.");
            }
            if (!seen.add(name)) {
                return new ClassNames(null, "\"" + name + "\" is given twice: each output needs its own name.");
            }
            names.add(name);
        }
        return new ClassNames(names, null);
    }

    private static RadioButton radio(ToggleGroup group, Normalization kind, String text) {
        var radio = new RadioButton(text);
        radio.setId(SCALING_ID + kind.name().toLowerCase(java.util.Locale.ROOT));
        radio.setUserData(kind);
        radio.setToggleGroup(group);
        return radio;
    }

    private static Label note(String text) {
        var label = new Label(text);
        label.getStyleClass().add("hint");
        label.setWrapText(true);
        return label;
    }

    private static VBox spacer() {
        var gap = new VBox();
        gap.setMinHeight(6);
        return gap;
    }
}

package org.dl4jworkbench.app.ui;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The Dataset tab's content. */
final class DatasetTab {

    private DatasetTab() {
    }

    static Node create(WorkbenchModel model) {
        var label = new Label();
        label.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var d = model.datasetProperty().get();
            return d == null ? "No dataset loaded." : d.name() + ": " + d.classNames().size() + " classes";
        }, model.datasetProperty()));
        var box = new VBox(label);
        box.setPadding(new Insets(16));
        return box;
    }
}

package org.dl4jworkbench.app.ui;

import static org.dl4jworkbench.app.ui.MainWindow.item;

import javafx.scene.control.Menu;
import javafx.scene.control.SeparatorMenuItem;
import org.dl4jworkbench.app.editor.EditorModel;

/** The Edit menu: undo and redo named after their step, and the editor's layer commands. */
final class EditMenu {

    private EditMenu() {
    }

    static Menu menu(EditorModel editor) {
        var undo = item("Undo", "Shortcut+Z", editor::undo);
        undo.textProperty().bind(editor.undoTextProperty());
        undo.disableProperty().bind(editor.canUndoProperty().not());
        var redo = item("Redo", "Shortcut+Shift+Z", editor::redo);
        redo.textProperty().bind(editor.redoTextProperty());
        redo.disableProperty().bind(editor.canRedoProperty().not());
        var redoY = item("Redo (Ctrl+Y)", "Shortcut+Y", editor::redo);
        redoY.setVisible(false); // a second accelerator for redo, as on Windows
        var copy = item("Copy layer", "Shortcut+C", () -> editor.copyLayer(editor.selected()));
        var paste = item("Paste layer", "Shortcut+V", editor::paste);
        var duplicate = item("Duplicate layer", "Shortcut+D", () -> editor.duplicateLayer(editor.selected()));
        var delete = item("Delete layer", "Delete", () -> editor.removeLayer(editor.selected()));
        return new Menu("Edit", null, undo, redo, redoY, new SeparatorMenuItem(), copy, paste, duplicate, delete);
    }
}

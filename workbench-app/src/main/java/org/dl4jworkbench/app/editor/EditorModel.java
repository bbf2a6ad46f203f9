package org.dl4jworkbench.app.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.dl4jworkbench.core.analysis.DataShape;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.spec.LayerSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;

/**
 * The network being edited: the spec, its analysis (kept in step, against the dataset's
 * shape when one is known), the selected block, and every edit as an undoable command.
 * Views bind to the properties and call the edit methods; nothing else changes the spec.
 * Block indices: 0..n-1 are the layers, {@link #INPUT} the input block, {@link #BACKBONE} a
 * pretrained backbone's block (no layer: it cannot move or go, and every layer comes after it),
 * {@code n} the output block. Used on the FX thread only.
 */
public final class EditorModel {

    public static final int INPUT = -1;
    public static final int NONE = -2;
    public static final int BACKBONE = -4;
    static final int UNDO_LIMIT = 200;

    private final ReadOnlyObjectWrapper<NetworkSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    private final ReadOnlyObjectWrapper<NetworkAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ObjectProperty<DataShape> dataShape = new SimpleObjectProperty<>(this, "dataShape");
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", NONE);
    private final CommandStack commands = new CommandStack(UNDO_LIMIT);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final FieldProblems fieldProblems = new FieldProblems();
    private long savedRevision;
    private int loads;
    private final ReadOnlyIntegerWrapper loaded = new ReadOnlyIntegerWrapper(this, "loaded");
    private LayerSpec clipboard;

    public EditorModel(NetworkSpec initial) {
        spec.addListener((obs, old, now) -> reanalyze());
        dataShape.addListener((obs, old, now) -> reanalyze());
        commands.setOnChange(this::updateHistory);
        spec.set(Objects.requireNonNull(initial));
        updateHistory();
    }

    // ---- state ---------------------------------------------------------------------------

    public ReadOnlyObjectProperty<NetworkSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    public NetworkSpec spec() {
        return spec.get();
    }

    public ReadOnlyObjectProperty<NetworkAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public NetworkAnalysis analysis() {
        return analysis.get();
    }

    /** The dataset's image size and classes, once one is loaded; the analysis checks the network against it. */
    public ObjectProperty<DataShape> dataShapeProperty() {
        return dataShape;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public int selected() {
        return selected.get();
    }

    public void select(int block) {
        selected.set(block);
    }

    public int outputBlock() {
        return spec().layers().size();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** "Undo Insert convolution". */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /** True while there are edits since the last {@link #markSaved()} or {@link #load}. */
    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** Text in the settings fields that is not a value of the spec; training waits until there is none. */
    public FieldProblems fieldProblems() {
        return fieldProblems;
    }

    /** How many times a spec was {@link #load}ed: views keep a field's refused text only within one. */
    public int loads() {
        return loads;
    }

    /** Changes once a {@link #load} is done, even when the spec loaded equals the one before. */
    public ReadOnlyIntegerProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    // ---- whole-spec operations -------------------------------------------------------------

    /** Starts over on {@code newSpec} (new or opened project): no history, nothing unsaved. */
    public void load(NetworkSpec newSpec) {
        loads++;
        spec.set(Objects.requireNonNull(newSpec));
        selected.set(NONE);
        commands.clear();
        markSaved();
        loaded.set(loads);
    }

    public void markSaved() {
        savedRevision = commands.revision();
        updateHistory();
    }

    /** Applies an edit as one undo step. */
    public void apply(String description, UnaryOperator<NetworkSpec> edit) {
        apply(description, null, edit, selected());
    }

    /**
     * Applies an edit; consecutive edits with the same {@code mergeKey} become one undo step.
     * {@code selectAfter} is the block selected once it is done (and again on redo).
     */
    public void apply(String description, String mergeKey, UnaryOperator<NetworkSpec> edit, int selectAfter) {
        NetworkSpec before = spec();
        NetworkSpec after = edit.apply(before);
        if (after.equals(before)) {
            return;
        }
        commands.execute(new SpecChange(spec::set, selected::set, before, after, description, mergeKey, selected(),
                selectAfter));
    }

    public void undo() {
        commands.undo();
    }

    public void redo() {
        commands.redo();
    }

    // ---- layer operations ------------------------------------------------------------------

    /** Inserts {@code layer} before position {@code index} (0..n) and selects it. */
    public void insertLayer(int index, LayerSpec layer) {
        int at = Math.max(0, Math.min(index, spec().layers().size()));
        apply("Insert " + layer.type(), null, s -> s.withLayers(with(s.layers(), l -> l.add(at, layer))), at);
    }

    public void removeLayer(int index) {
        if (!isLayer(index)) {
            return;
        }
        String name = spec().layers().get(index).name();
        int next = Math.min(index, spec().layers().size() - 2);
        apply("Delete " + name, null, s -> s.withLayers(with(s.layers(), l -> l.remove(index))), next < 0 ? NONE : next);
    }

    /** Moves the layer at {@code from} so that it ends up before the layer now at {@code to} (0..n). */
    public void moveLayer(int from, int to) {
        if (!isLayer(from)) {
            return;
        }
        int target = to > from ? to - 1 : to;
        target = Math.max(0, Math.min(target, spec().layers().size() - 1));
        if (target == from) {
            return;
        }
        int finalTarget = target;
        String name = spec().layers().get(from).name();
        apply("Move " + name, null, s -> s.withLayers(with(s.layers(), l -> l.add(finalTarget, l.remove(from)))),
                finalTarget);
    }

    public void duplicateLayer(int index) {
        if (isLayer(index)) {
            insertLayer(index + 1, spec().layers().get(index).withName(null));
        }
    }

    /** Replaces a layer's settings; repeated changes of the same {@code field} merge into one undo step. */
    public void replaceLayer(int index, LayerSpec layer, String field) {
        if (!isLayer(index)) {
            return;
        }
        String name = spec().layers().get(index).name();
        apply("Change " + field + " of " + name, name + "." + field,
                s -> s.withLayers(with(s.layers(), l -> l.set(index, layer))), index);
    }

    public void copyLayer(int index) {
        if (isLayer(index)) {
            clipboard = spec().layers().get(index);
        }
    }

    public boolean canPaste() {
        return clipboard != null;
    }

    /** Pastes the copied layer after the selected block (or at the end), under a new name. */
    public void paste() {
        if (clipboard != null) {
            int at = isLayer(selected()) ? selected() + 1 : selected() == INPUT || selected() == BACKBONE ? 0
                    : spec().layers().size();
            insertLayer(at, clipboard.withName(null));
        }
    }

    public boolean isLayer(int index) {
        return index >= 0 && index < spec().layers().size();
    }

    // ---- internals ---------------------------------------------------------------------------

    private void reanalyze() {
        NetworkSpec s = spec.get();
        analysis.set(s == null ? null : NetworkAnalyzer.analyze(s, dataShape.get()));
    }

    private void updateHistory() {
        canUndo.set(commands.canUndo());
        canRedo.set(commands.canRedo());
        undoText.set(commands.canUndo() ? "Undo " + commands.undoDescription() : "Undo");
        redoText.set(commands.canRedo() ? "Redo " + commands.redoDescription() : "Redo");
        dirty.set(commands.revision() != savedRevision);
    }

    private static List<LayerSpec> with(List<LayerSpec> layers, java.util.function.Consumer<List<LayerSpec>> edit) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        edit.accept(copy);
        return copy;
    }
}

package org.dl4jworkbench.app.editor;

/**
 * One undoable edit. {@link #mergeWith} lets a run of small edits of the same thing (typing
 * in a spinner) become one undo step.
 */
public interface Command {

    void execute();

    void undo();

    /** "Insert convolution", "Change filters of conv2", ... for the Edit menu. */
    String description();

    /** Absorbs {@code next} (already executed) into this command where they edit the same thing. */
    default boolean mergeWith(Command next) {
        return false;
    }
}

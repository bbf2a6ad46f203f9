package org.dl4jworkbench.app.editor;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bounded undo and redo stacks. {@link #revision()} names the state the stacks stand at: each
 * execute (or merge) makes a new one, undo and redo return to earlier ones, so "unsaved
 * changes" is "revision differs from the saved one", and undoing back to the saved state
 * clears it. Not re-entrant: a command that pushes another while executing is a bug and
 * fails loudly.
 */
public final class CommandStack {

    private final int limit;
    private final Deque<Command> undo = new ArrayDeque<>();
    private final Deque<Command> redo = new ArrayDeque<>();
    private final Deque<Long> undoStates = new ArrayDeque<>();
    private final Deque<Long> redoStates = new ArrayDeque<>();
    private long base;
    private long lastState;
    private boolean busy;
    private Runnable onChange = () -> { };

    public CommandStack(int limit) {
        this.limit = limit;
    }

    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Executes and records {@code command}, merging it into the previous one where that agrees. */
    public void execute(Command command) {
        run(() -> {
            command.execute();
            Command last = undo.peek();
            if (last != null && last.mergeWith(command)) {
                undoStates.pop();
            } else {
                undo.push(command);
            }
            undoStates.push(++lastState);
            while (undo.size() > limit) {
                undo.removeLast();
                undoStates.removeLast();
                base = ++lastState; // the state before the oldest kept command can no longer be reached
            }
            redo.clear();
            redoStates.clear();
        });
    }

    public void undo() {
        if (!undo.isEmpty()) {
            run(() -> {
                Command command = undo.pop();
                command.undo();
                redo.push(command);
                redoStates.push(undoStates.pop());
            });
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            run(() -> {
                Command command = redo.pop();
                command.execute();
                undo.push(command);
                undoStates.push(redoStates.pop());
            });
        }
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public String undoDescription() {
        return undo.isEmpty() ? "" : undo.peek().description();
    }

    public String redoDescription() {
        return redo.isEmpty() ? "" : redo.peek().description();
    }

    /** The state the stacks stand at; equal revisions mean the same edits applied. */
    public long revision() {
        return undoStates.isEmpty() ? base : undoStates.peek();
    }

    /** Forgets all history (a new or opened project). */
    public void clear() {
        undo.clear();
        redo.clear();
        undoStates.clear();
        redoStates.clear();
        base = ++lastState;
        onChange.run();
    }

    private void run(Runnable step) {
        if (busy) {
            throw new IllegalStateException("a command pushed another command while it ran");
        }
        busy = true;
        try {
            step.run();
        } finally {
            busy = false;
        }
        onChange.run();
    }
}

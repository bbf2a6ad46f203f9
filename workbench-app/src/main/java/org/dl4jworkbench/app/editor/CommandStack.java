package org.dl4jworkbench.app.editor;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bounded undo and redo stacks with a revision counter that changes with every execute, undo
 * and redo (so "unsaved changes" is "revision differs from the saved one"). Not re-entrant:
 * a command that pushes another while executing is a bug and fails loudly.
 */
public final class CommandStack {

    private final int limit;
    private final Deque<Command> undo = new ArrayDeque<>();
    private final Deque<Command> redo = new ArrayDeque<>();
    private long revision;
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
            if (last == null || !last.mergeWith(command)) {
                undo.push(command);
                while (undo.size() > limit) {
                    undo.removeLast();
                }
            }
            redo.clear();
        });
    }

    public void undo() {
        if (!undo.isEmpty()) {
            run(() -> {
                Command command = undo.pop();
                command.undo();
                redo.push(command);
            });
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            run(() -> {
                Command command = redo.pop();
                command.execute();
                undo.push(command);
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

    public long revision() {
        return revision;
    }

    /** Forgets all history (a new or opened project). */
    public void clear() {
        undo.clear();
        redo.clear();
        revision++;
        onChange.run();
    }

    private void run(Runnable step) {
        if (busy) {
            throw new IllegalStateException("a command pushed another command while it ran");
        }
        busy = true;
        try {
            step.run();
            revision++;
        } finally {
            busy = false;
        }
        onChange.run();
    }
}

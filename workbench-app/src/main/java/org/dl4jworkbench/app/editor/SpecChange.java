package org.dl4jworkbench.app.editor;

import java.util.Objects;
import java.util.function.Consumer;
import org.dl4jworkbench.core.spec.NetworkSpec;

/**
 * An edit of an immutable spec: the spec before and after, with a description. Changes with
 * the same non-null {@code mergeKey} in a row ("conv2.filters") merge into one undo step.
 */
final class SpecChange implements Command {

    private final Consumer<NetworkSpec> target;
    private final NetworkSpec before;
    private NetworkSpec after;
    private final String description;
    private final String mergeKey;
    private final int selectionBefore;
    private int selectionAfter;
    private final Consumer<Integer> select;

    SpecChange(Consumer<NetworkSpec> target, Consumer<Integer> select, NetworkSpec before, NetworkSpec after,
               String description, String mergeKey, int selectionBefore, int selectionAfter) {
        this.target = target;
        this.select = select;
        this.before = before;
        this.after = after;
        this.description = description;
        this.mergeKey = mergeKey;
        this.selectionBefore = selectionBefore;
        this.selectionAfter = selectionAfter;
    }

    @Override
    public void execute() {
        target.accept(after);
        select.accept(selectionAfter);
    }

    @Override
    public void undo() {
        target.accept(before);
        select.accept(selectionBefore);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean mergeWith(Command next) {
        if (mergeKey != null && next instanceof SpecChange change && Objects.equals(mergeKey, change.mergeKey)
                && change.before.equals(after)) {
            after = change.after;
            selectionAfter = change.selectionAfter;
            return true;
        }
        return false;
    }
}

package org.dl4jworkbench.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandStackTest {

    private final StringBuilder text = new StringBuilder();

    /** Appends a letter; typing the same key again merges (as spinner typing does). */
    private Command type(char c) {
        return new Command() {
            private int count = 1;

            @Override
            public void execute() {
                text.append(c);
            }

            @Override
            public void undo() {
                text.setLength(text.length() - count);
            }

            @Override
            public String description() {
                return "Type " + c;
            }

            @Override
            public boolean mergeWith(Command next) {
                if (next.description().equals(description())) {
                    count++;
                    return true;
                }
                return false;
            }
        };
    }

    @Test
    void undoingBackToTheSavedStateMeansNoUnsavedChangesAndAMergedEditIsAChange() {
        var stack = new CommandStack(100);
        long saved = stack.revision();
        stack.execute(type('a'));
        long afterA = stack.revision();
        assertThat(afterA).isNotEqualTo(saved);
        stack.undo();
        assertThat(stack.revision()).isEqualTo(saved);
        stack.redo();
        assertThat(stack.revision()).isEqualTo(afterA);
        stack.execute(type('a')); // merged into the first: still one undo step, but another state
        assertThat(text).hasToString("aa");
        assertThat(stack.revision()).isNotEqualTo(afterA);
        stack.undo();
        assertThat(text).isEmpty();
        assertThat(stack.revision()).isEqualTo(saved);
        stack.clear();
        assertThat(stack.revision()).isNotEqualTo(saved);
    }

    @Test
    void historyBeyondTheLimitIsDroppedAndItsStateCannotComeBack() {
        var stack = new CommandStack(2);
        long start = stack.revision();
        stack.execute(type('a'));
        stack.execute(type('b'));
        stack.execute(type('c'));
        stack.undo();
        stack.undo();
        assertThat(stack.canUndo()).isFalse();
        assertThat(text).hasToString("a");
        assertThat(stack.revision()).isNotEqualTo(start); // "a" is not the empty start
    }
}

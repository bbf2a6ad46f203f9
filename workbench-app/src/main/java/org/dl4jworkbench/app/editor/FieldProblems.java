package org.dl4jworkbench.app.editor;

import java.util.LinkedHashMap;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * What the fields of the window hold that is not (yet) a value of the spec: field id to
 * message, in the order the problems arose ("Epochs: expected a whole number from 1 to
 * 1,000, found "lots""). A field puts its message while its text is refused and removes it
 * once the text is accepted or the field goes away; the Train button waits for none to be
 * left. Used on the FX thread only; no controls here.
 */
public final class FieldProblems {

    private final ObservableMap<String, String> problems = FXCollections.observableMap(new LinkedHashMap<>());
    private final ObservableMap<String, String> readOnly = FXCollections.unmodifiableObservableMap(problems);

    /** Read-only view, to listen to. */
    public ObservableMap<String, String> map() {
        return readOnly;
    }

    public void put(String field, String message) {
        if (!message.equals(problems.get(field))) {
            problems.put(field, message); // a field already there keeps its place
        }
    }

    public void remove(String field) {
        problems.remove(field);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public int size() {
        return problems.size();
    }

    /** The oldest problem's message. */
    public Optional<String> first() {
        return problems.values().stream().findFirst();
    }

    public Optional<String> of(String field) {
        return Optional.ofNullable(problems.get(field));
    }
}

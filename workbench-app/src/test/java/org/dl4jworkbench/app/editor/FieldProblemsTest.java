package org.dl4jworkbench.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.MapChangeListener;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.Test;

/** The fields' problems the Train button waits on; no JavaFX toolkit needed. */
class FieldProblemsTest {

    @Test
    void problemsKeepTheOrderTheyAroseInAndListenersHearEachChange() {
        var problems = new EditorModel(Templates.find("lenet").orElseThrow().spec()).fieldProblems();
        List<String> heard = new ArrayList<>();
        problems.map().addListener((MapChangeListener<String, String>) c -> heard.add(c.getKey()));
        assertThat(problems.isEmpty()).isTrue();
        problems.put("learning-rate", "Learning rate: expected a number above 0 and at most 10, found \"abc\"");
        problems.put("epochs", "Epochs: expected a whole number from 1 to 1,000, found \"lots\"");
        problems.put("learning-rate", "Learning rate: expected a number above 0 and at most 10, found \"abcd\"");
        assertThat(problems.size()).isEqualTo(2);
        assertThat(problems.first()).contains("Learning rate: expected a number above 0 and at most 10, found \"abcd\"");
        problems.remove("learning-rate");
        assertThat(problems.first()).contains("Epochs: expected a whole number from 1 to 1,000, found \"lots\"");
        problems.remove("epochs");
        assertThat(problems.isEmpty()).isTrue();
        assertThat(heard).contains("learning-rate", "epochs");
    }
}

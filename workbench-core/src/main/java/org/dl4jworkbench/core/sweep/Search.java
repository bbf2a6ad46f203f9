package org.dl4jworkbench.core.sweep;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** How a sweep picks its trials' settings: every combination of the values, or random draws. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Search.Grid.class, name = "grid"),
    @JsonSubTypes.Type(value = Search.RandomSearch.class, name = "random")
})
public sealed interface Search {

    /** The settings of each trial, in trial order. */
    List<Map<String, Object>> trials(List<Parameter> parameters) throws SweepException;

    /** Every combination of the listed values, the first parameter's changing slowest. */
    record Grid() implements Search {
        @Override
        public List<Map<String, Object>> trials(List<Parameter> parameters) throws SweepException {
            List<Map<String, Object>> trials = new ArrayList<>();
            trials.add(new LinkedHashMap<>());
            for (Parameter p : parameters) {
                if (p.isRange()) {
                    throw new SweepException("--vary '" + p.text() + "': a grid search needs a list of values "
                            + "(e.g. " + p.name() + "=" + SpecSettings.format(p.low()) + "," + SpecSettings.format(p.high())
                            + "), found a range; give --trials N for a random search of the range");
                }
                List<Map<String, Object>> next = new ArrayList<>();
                for (Map<String, Object> trial : trials) {
                    for (Object value : p.choices()) {
                        var more = new LinkedHashMap<>(trial);
                        more.put(p.name(), value);
                        next.add(more);
                    }
                }
                trials = next;
            }
            return trials.stream().map(t -> (Map<String, Object>) java.util.Collections.unmodifiableMap(t)).toList();
        }
    }

    /** {@code count} trials drawn independently with {@code seed}: the same seed draws the same trials. */
    record RandomSearch(int count, long seed) implements Search {
        public RandomSearch {
            if (count < 1) {
                throw new IllegalArgumentException("a random search needs at least 1 trial, not " + count);
            }
        }

        @Override
        public List<Map<String, Object>> trials(List<Parameter> parameters) {
            var random = new Random(seed);
            List<Map<String, Object>> trials = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                var trial = new LinkedHashMap<String, Object>();
                for (Parameter p : parameters) {
                    trial.put(p.name(), p.sample(random));
                }
                trials.add(java.util.Collections.unmodifiableMap(trial));
            }
            return trials;
        }
    }
}

package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A choice in a network file, written as its lower-case id ({@code LEAKY_RELU} is
 * "leaky-relu"). Implemented by the spec's enums only.
 */
public interface SpecEnum {

    String name();

    /** The id in files and messages. */
    @JsonValue
    default String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

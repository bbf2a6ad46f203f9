package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonValue;

public enum PoolingType {
    MAX("max"),
    AVERAGE("average");

    private final String id;

    PoolingType(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}

package org.dl4jworkbench.core.analysis;

/** An error keeps the network from being built or trained; a warning does not. */
public enum Severity {
    ERROR,
    WARNING
}

package org.dl4jworkbench.core.model;

/**
 * A model file refused because opening it could run code or exhaust memory: an entry DL4J
 * would read with Java deserialization, a class outside the allow-list, a path trick, an
 * entry that inflates past its limit, an absurd parameter count. The file was refused
 * before DL4J saw any of it.
 */
public final class UnsafeModelException extends InvalidModelException {

    public UnsafeModelException(String message) {
        super(message);
    }
}

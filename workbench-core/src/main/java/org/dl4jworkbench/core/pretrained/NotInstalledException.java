package org.dl4jworkbench.core.pretrained;

import java.io.IOException;

/**
 * The pretrained network {@link #id()} is not installed, or its file is not the catalogue's;
 * the message says how to install it ("put FILE (SIZE, SHA-256 ...) into FOLDER").
 */
public final class NotInstalledException extends IOException {

    private final String id;

    public NotInstalledException(String id, String message, Throwable cause) {
        super(message, cause);
        this.id = id;
    }

    public String id() {
        return id;
    }
}

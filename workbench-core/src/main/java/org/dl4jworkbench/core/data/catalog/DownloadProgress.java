package org.dl4jworkbench.core.data.catalog;

/** Receives a download's progress on the downloading thread (a few times a second); must return quickly. */
@FunctionalInterface
public interface DownloadProgress {

    DownloadProgress NONE = (file, done, total) -> {
    };

    /** {@code done} of {@code total} bytes of {@code file} are on disk; {@code total} is -1 where unknown. */
    void update(String file, long done, long total);

    /** Something worth telling between the bytes: resuming, trying a mirror, verifying, unpacking. */
    default void step(String message) {
    }
}

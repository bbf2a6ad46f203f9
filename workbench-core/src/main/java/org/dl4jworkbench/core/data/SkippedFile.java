package org.dl4jworkbench.core.data;

/** A file left out of a dataset, and why ("not an image", "truncated JPEG", ...). */
public record SkippedFile(String path, String reason) {

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}

package org.dl4jworkbench.core.data.catalog;

/**
 * A dataset that could not be downloaded: no server reached, or none gave the right file.
 * The message is for the user as it is: it names the files and URLs and says what to do.
 */
public class DownloadException extends Exception {

    public DownloadException(String message) {
        super(message);
    }
}

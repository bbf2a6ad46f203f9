package org.dl4jworkbench.core.data.catalog;

/**
 * A catalogue entry (dataset or network) that could not be downloaded: no server reached, none
 * gave the right file, or none is known and the file is not there yet.
 * The message is for the user as it is: it names the files and URLs and says what to do.
 */
public class DownloadException extends Exception {

    public DownloadException(String message) {
        super(message);
    }
}

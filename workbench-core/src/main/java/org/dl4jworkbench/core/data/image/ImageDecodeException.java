package org.dl4jworkbench.core.data.image;

/** A file that is not a usable image; the message says why in a few words ("truncated JPEG"). */
public class ImageDecodeException extends Exception {

    public ImageDecodeException(String message) {
        super(message);
    }

    public ImageDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}

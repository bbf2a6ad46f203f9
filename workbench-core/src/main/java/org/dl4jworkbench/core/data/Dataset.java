package org.dl4jworkbench.core.data;

import java.util.List;
import org.dl4jworkbench.core.analysis.DataShape;

/**
 * A named dataset with its training and test images (both share image size and class
 * names), and the report of what opening it found. {@code resizable} is true where the
 * images were decoded to a requested size (image folders), so the network's input size
 * decides, rather than the data's.
 */
public record Dataset(String name, ImageSet train, ImageSet test, DatasetReport report, boolean resizable) {

    public Dataset {
        if (train.height() != test.height() || train.width() != test.width() || train.channels() != test.channels()) {
            throw new IllegalArgumentException(name + ": training images are " + train.height() + "x" + train.width()
                    + "x" + train.channels() + " but test images are " + test.height() + "x" + test.width() + "x"
                    + test.channels());
        }
        if (!train.classNames().equals(test.classNames())) {
            throw new IllegalArgumentException(name + ": training and test class names differ");
        }
    }

    /** A dataset of fixed-size images with nothing skipped. */
    public Dataset(String name, ImageSet train, ImageSet test) {
        this(name, train, test, DatasetReport.uniform(train.height(), train.width(), train.channels()), false);
    }

    public List<String> classNames() {
        return train.classNames();
    }

    /**
     * Identifies the data: the source's own fingerprint where it has one, else SHA-256 over
     * every label and pixel (a fraction of a second for MNIST or CIFAR-10).
     */
    public String fingerprint() {
        if (report.fingerprint() != null) {
            return report.fingerprint();
        }
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            for (ImageSet set : java.util.List.of(train, test)) {
                byte[] image = new byte[set.imageSize()];
                for (int i = 0; i < set.size(); i++) {
                    set.copyBytes(i, image, 0);
                    digest.update(image);
                    digest.update((byte) set.label(i));
                }
            }
            return "sha256:" + java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public DataShape shape() {
        return new DataShape(name, train.height(), train.width(), train.channels(), classNames().size());
    }
}

package org.dl4jworkbench.core.run;

import java.util.List;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.DatasetOptions;

/**
 * The data a run trained on ({@code dataset.json}): the SPEC it was opened with, its name,
 * a fingerprint of its files (so a later run can tell whether the data changed), class
 * names, split sizes and the image size fed to the network.
 */
public record DatasetDescription(String spec, String name, String fingerprint, List<String> classNames,
                                 int trainImages, int validationImages, int testImages, int height, int width,
                                 int channels) {

    public DatasetDescription {
        classNames = List.copyOf(classNames);
    }

    /**
     * True where {@code d} (a dataset open now) is this data at this image size, so it can stand
     * for it: the same fingerprint (the same name, for a run from before fingerprints).
     */
    public boolean isOpenAs(Dataset d) {
        return d != null && d.train().height() == height && d.train().width() == width
                && d.train().channels() == channels
                && (fingerprint == null ? name.equals(d.name()) : fingerprint.equals(d.fingerprint()));
    }

    /** The options that open {@link #spec} again as the run saw it: at its image size. */
    public DatasetOptions openOptions() {
        return DatasetOptions.defaults().withSize(height, width, channels);
    }
}

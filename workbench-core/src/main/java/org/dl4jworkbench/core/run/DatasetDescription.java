package org.dl4jworkbench.core.run;

import java.util.List;

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
}

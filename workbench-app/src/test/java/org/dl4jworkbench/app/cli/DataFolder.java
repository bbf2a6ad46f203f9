package org.dl4jworkbench.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.testing.SharedData;

/** A data folder of the test's own ({@code workbench.data}), optionally with the real MobileNet installed. */
final class DataFolder implements AutoCloseable {

    private static final String PROPERTY = "workbench.data";
    private final String before;
    final Path root;

    private DataFolder(Path root) {
        this.before = System.getProperty(PROPERTY);
        this.root = root;
        System.setProperty(PROPERTY, root.toString());
    }

    static DataFolder empty(Path root) {
        return new DataFolder(root);
    }

    /** The catalogue's MobileNet from ../shared/data, placed where 'models download' installs it. */
    static DataFolder withMobileNet(Path root) throws Exception {
        Path target = PretrainedCatalog.MOBILENET_V1_075.modelFile(root);
        Files.createDirectories(target.getParent());
        Files.copy(SharedData.mobileNet(), target);
        return new DataFolder(root);
    }

    @Override
    public void close() {
        if (before == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, before);
        }
    }
}

package org.dl4jworkbench.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.pretrained.PretrainedEntry;
import org.dl4jworkbench.core.spec.NetworkSpec;

/**
 * Before a run starts: is the pretrained network its spec begins with installed? Checked
 * first, so a missing network fails with the catalogue's "put FILE into FOLDER" message and no
 * run folder is made for a run that cannot train.
 */
final class PretrainedCheck {

    /** The network {@code id} is not installed (or not the catalogue's file); the message says what to do. */
    static final class NotInstalled extends IOException {
        private final String id;

        NotInstalled(String id, String message) {
            super(message);
            this.id = id;
        }

        String id() {
            return id;
        }
    }

    private PretrainedCheck() {
    }

    /**
     * Off the FX thread: a file put there by hand is read once for its checksum.
     *
     * @throws NotInstalled where {@code spec}'s pretrained network is not installed under {@code dataRoot}
     */
    static void require(NetworkSpec spec, Path dataRoot) throws IOException {
        if (spec == null || !spec.hasBackbone()) {
            return;
        }
        PretrainedEntry entry = PretrainedCatalog.find(spec.backbone().model()).orElse(null);
        if (entry == null) {
            return; // the analysis already holds training back for a network the workbench does not know
        }
        try {
            PretrainedCatalog.installedModel(entry, dataRoot);
        } catch (InvalidDataException e) {
            throw new NotInstalled(entry.id(), e.getMessage());
        }
    }
}

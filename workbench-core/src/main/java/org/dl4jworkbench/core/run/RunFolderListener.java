package org.dl4jworkbench.core.run;

import java.io.IOException;

/**
 * Adds files a face wants beside what core writes into a run folder (the app draws
 * {@code curves.png} and {@code curves.svg} from the logged metrics). Called on the training
 * thread; a failure here is a warning, never the run's failure.
 */
@FunctionalInterface
public interface RunFolderListener {

    RunFolderListener NONE = folder -> {
    };

    /** After the run ended and its model, evaluation and final {@code run.json} are written. */
    void runWritten(RunFolder folder) throws IOException;

    /** After an epoch's row and {@code run.json} are written; nothing by default. */
    default void epochWritten(RunFolder folder, int epoch) throws IOException {
    }
}

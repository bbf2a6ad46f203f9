package org.dl4jworkbench.core.run;

/**
 * A run that cannot be resumed, with a message for the user that says why and what to do
 * instead (start it again, give more epochs, start a new run), and the {@link Reason} for a
 * face that words the way out its own way (the window offers to train more epochs where the
 * command line says {@code --epochs}). Not a fault: a user's choice of run folder, data that
 * changed since, or a run that another workbench trains now.
 */
public final class ResumeException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a run cannot be resumed. */
    public enum Reason {
        /** The folder is no run, or its network.json or dataset.json cannot be read. */
        NOT_A_RUN,
        /** The run ended before its first checkpoint. */
        NO_CHECKPOINT,
        /** Its checkpoint cannot be used (missing, damaged, or pointing out of the folder). */
        DAMAGED_CHECKPOINT,
        /** All its epochs are done: only more epochs continue it. */
        ALL_EPOCHS_DONE,
        /** The data is not the data the run started with. */
        DATA_CHANGED,
        /** A workbench trains the run now. */
        BEING_TRAINED
    }

    private final Reason reason;

    public ResumeException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ResumeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

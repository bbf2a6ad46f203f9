package org.dl4jworkbench.core.run;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run folder that a workbench trains now ({@link RunLock}): another run into it would
 * write over its files. The message names the process; {@code pid} is -1 where unknown.
 */
public final class RunLockedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long pid;

    RunLockedException(Path dir, long pid, boolean thisProcess) {
        super(message(dir, pid, thisProcess));
        this.pid = pid;
    }

    public long pid() {
        return pid;
    }

    static String message(Path dir, long pid, boolean thisProcess) {
        String who = thisProcess ? "this workbench (pid " + pid + ")"
                : "another workbench (" + (pid > 0 ? "pid " + pid : "process unknown") + ")";
        return dir + ": this run is being trained by " + who + "; wait for it to end or stop it there, then try again";
    }
}

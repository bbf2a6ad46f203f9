package org.dl4jworkbench.core.sweep;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * The main class of a trial's process: {@code TrialMain PARENT_PID MAIN_CLASS ARGS...} runs
 * {@code MAIN_CLASS.main(ARGS)} and ends the process at once when the sweep's process ends,
 * however it ends: a killed sweep leaves no trial training on (holding its run folder's lock),
 * and the run folder, which survives a kill, is resumed with the sweep. The same as
 * {@code kill -9}, which run folders are made to survive.
 */
public final class TrialMain {

    private TrialMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: TrialMain PARENT_PID MAIN_CLASS [ARGS...]");
            System.exit(2);
        }
        long parent = Long.parseLong(args[0]);
        ProcessHandle.of(parent).ifPresentOrElse(
                p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(137)),
                () -> Runtime.getRuntime().halt(137));
        try {
            Class.forName(args[1]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

package org.dl4jworkbench.app.ui.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The command a run on Spark starts from the window:
 * {@code ROOT/workbench spark train --master URL --spec FILE --dataset SPEC --out RUN_DIR}. The
 * launcher runs workbench-spark on a JDK 17 and a class path of its own (building it on first
 * use): the window's JVM never loads a Spark class.
 *
 * @param root    the folder of the {@code workbench} launcher (the source tree)
 * @param spec    the network to train, as JSON
 * @param dataset the dataset as {@code --dataset} spells it (the project's dataset SPEC)
 * @param out     the run folder to write
 */
public record SparkLaunch(Path root, String master, Path spec, String dataset, Path out) {

    /** The source tree's folder, which {@code ./workbench} passes to the window (and the tests set). */
    public static final String ROOT_PROPERTY = "workbench.root";

    public List<String> command() {
        return List.of(root.resolve("workbench").toString(), "spark", "train", "--master", master,
                "--spec", spec.toString(), "--dataset", dataset, "--out", out.toString());
    }

    /**
     * The folder holding the {@code workbench} launcher: {@value #ROOT_PROPERTY}; empty where
     * the window was not started by it (then it cannot start a run on Spark).
     */
    public static Optional<Path> launcherRoot() {
        String value = System.getProperty(ROOT_PROPERTY);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path root = Path.of(value).toAbsolutePath().normalize();
        return Files.isExecutable(root.resolve("workbench")) ? Optional.of(root) : Optional.empty();
    }
}

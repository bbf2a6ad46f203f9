package org.dl4jworkbench.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dl4jworkbench.core.compile.InvalidNetworkException;
import org.dl4jworkbench.core.export.ExportedJava;
import org.dl4jworkbench.core.model.InvalidModelException;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.spec.NetworkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench export-java}: the network as the Deeplearning4j code that builds it. */
@Command(name = "export-java", mixinStandardHelpOptions = true,
        description = {"Writes the network as Java: the Deeplearning4j 1.0.0-M2.1 code that builds the same "
                + "configuration the workbench trains (NeuralNetConfiguration.Builder ... list(); for a network "
                + "on a pretrained one, DL4J's transfer-learning API), with a main that builds it and prints its "
                + "summary.",
            "A run's network is in its folder: --spec RUN_DIR/network.json, or --model RUN_DIR/model.zip."})
final class ExportJavaCommand implements Callable<Integer> {

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(names = "--model", paramLabel = "FILE",
            description = "A model.zip the workbench trained: exports the network it was trained from "
                    + "(instead of --template or --spec).")
    Path model;

    @Option(names = "--class", paramLabel = "NAME",
            description = "The class's name, with a package if wanted (com.example.LeNet). Default: the name of "
                    + "the --out file (LeNet.java), else one made from the network's name (lenet: Lenet).")
    String className;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the code to FILE, or into FILE/NAME.java where it is a folder. Default: print it.")
    Path out;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException, InvalidModelException {
        var stdout = command.commandLine().getOut();
        var err = command.commandLine().getErr();
        NetworkSpec spec;
        ExportedJava java;
        try {
            spec = model != null ? trainedFrom(model) : network.load();
            java = ExportedJava.of(spec, className, out);
        } catch (UserError e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCommand.BAD_INPUT;
        } catch (InvalidNetworkException e) {
            err.println("error: the network cannot be exported until its problems are fixed "
                    + "('workbench summary' shows them with the shapes):");
            e.problems().forEach(p -> err.println("  " + p));
            return WorkbenchCommand.BAD_INPUT;
        } catch (IllegalArgumentException e) { // a class name javac would refuse
            err.println("error: --class: " + e.getMessage());
            return WorkbenchCommand.BAD_INPUT;
        }
        if (out == null) {
            stdout.print(java.source());
            stdout.flush();
            return 0;
        }
        Path file;
        try {
            file = java.writeTo(out);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCommand.BAD_INPUT;
        }
        stdout.println("Wrote " + file + ": class " + java.className() + ", " + java.lines() + " lines. Compile it "
                + "with Deeplearning4j 1.0.0-M2.1 on the class path.");
        if (!java.fitsFileName(file)) {
            err.println("note: javac expects the public class " + java.className() + " in a file named "
                    + java.fileName() + ", not " + file.getFileName());
        }
        return 0;
    }

    /** The network a model was trained from; a refused or unreadable model file propagates to ErrorMapper. */
    private NetworkSpec trainedFrom(Path file) throws UserError, IOException, InvalidModelException {
        var parsed = command.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--template") || parsed.hasMatchedOption("--spec")) {
            throw new UserError("--model names the network already; leave out --template and --spec");
        }
        LoadedModel loaded = ModelFiles.load(file);
        if (loaded.spec() == null) {
            throw new UserError(file + " was imported from Keras, not drawn in the workbench: it has no network to "
                    + "export. Export a model the workbench trained, or the network it was trained from");
        }
        return loaded.spec();
    }
}

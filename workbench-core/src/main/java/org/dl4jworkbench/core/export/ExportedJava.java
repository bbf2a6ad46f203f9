package org.dl4jworkbench.core.export;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.util.AtomicFiles;

/**
 * An exported class and where it goes: the command line and the window write it the same way,
 * with the same messages.
 *
 * @param className the class's name, possibly package-qualified
 * @param source    its Java source
 */
public record ExportedJava(String className, String source) {

    /**
     * The export of {@code spec} as {@code className}, or, where that is null, as the class its
     * file name {@code target} asks for (javac wants {@code public class Foo} in {@code Foo.java}),
     * else as one named after the network.
     *
     * @throws org.dl4jworkbench.core.compile.InvalidNetworkException where the network has errors
     * @throws IllegalArgumentException where the class name is not a Java class name
     */
    public static ExportedJava of(NetworkSpec spec, String className, Path target) {
        String name = className != null ? className : fromFileName(target);
        if (name == null) {
            name = JavaExport.defaultClassName(spec);
        }
        return new ExportedJava(name, JavaExport.generate(spec, name));
    }

    /** The class a file named {@code Foo.java} holds, or null. */
    private static String fromFileName(Path target) {
        if (target == null || target.getFileName() == null) {
            return null;
        }
        String file = target.getFileName().toString();
        if (!file.endsWith(".java") || Files.isDirectory(target)) {
            return null;
        }
        String name = file.substring(0, file.length() - ".java".length());
        return JavaExport.classNameProblem(name).isEmpty() && !name.contains(".") ? name : null;
    }

    /** {@code Foo.java}, the file name javac expects for the class. */
    public String fileName() {
        return JavaExport.simpleName(className) + ".java";
    }

    /** Lines of source. */
    public long lines() {
        return source.lines().count();
    }

    /**
     * Writes the source to {@code target}, or into it where it is a folder (as {@link #fileName()}),
     * replacing the file atomically.
     *
     * @return the file written
     * @throws IOException with a message naming the file and a way out
     */
    public Path writeTo(Path target) throws IOException {
        Path file = Files.isDirectory(target) ? target.resolve(fileName()) : target;
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IOException("cannot write " + file + ": the folder " + folder + " does not exist; create it or "
                    + "choose another");
        }
        try {
            AtomicFiles.writeString(file, source);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot write " + file + ": permission denied; choose a folder you can write to", e);
        } catch (FileSystemException e) {
            throw new IOException("cannot write " + file + ": " + (e.getReason() != null ? e.getReason()
                    : e.getClass().getSimpleName()) + "; choose another file", e);
        }
        return file;
    }

    /** Whether javac accepts the file name for the class: a public class Foo lives in Foo.java. */
    public boolean fitsFileName(Path file) {
        return file.getFileName() != null && file.getFileName().toString().equals(fileName());
    }
}

package org.dl4jworkbench.core.export;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Exported source compiled by the JDK's own compiler against the test's class path (DL4J
 * included), into {@code dir}, and loaded: what a user gets who pastes the code into a project
 * with DL4J on its class path.
 */
final class GeneratedClass {

    private final Class<?> type;

    private GeneratedClass(Class<?> type) {
        this.type = type;
    }

    /** Compiles {@code source} (the class {@code className}); fails with javac's messages and the source. */
    static GeneratedClass compile(String className, String source, Path dir)
            throws IOException, ReflectiveOperationException {
        var javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: the tests need a JDK, not a JRE");
        }
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(dir));
            var unit = new SimpleJavaFileObject(URI.create("string:///" + className.replace('.', '/') + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            var log = new StringWriter();
            // -Xlint:all -Werror: the export should read as clean code, with no warnings either.
            boolean ok = javac.getTask(log, files, diagnostics, List.of("-classpath", System.getProperty("java.class.path"),
                    "-Xlint:all,-processing,-classfile,-path", "-Werror", "-proc:none"), null, List.of(unit)).call();
            if (!ok) {
                var message = new StringBuilder("javac refused the exported " + className + ":\n");
                diagnostics.getDiagnostics().forEach(d -> message.append("  line ").append(d.getLineNumber()).append(": ")
                        .append(d.getMessage(Locale.ROOT)).append('\n'));
                message.append(log).append("---- source ----\n").append(numbered(source));
                throw new AssertionError(message.toString());
            }
        }
        var loader = new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, GeneratedClass.class.getClassLoader());
        return new GeneratedClass(loader.loadClass(className));
    }

    Class<?> type() {
        return type;
    }

    /** Calls the public static method {@code name} with {@code args} (ints where the method takes ints). */
    Object call(String name, Object... args) throws ReflectiveOperationException {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                return m.invoke(null, args);
            }
        }
        throw new AssertionError(type.getName() + " has no public method " + name + " of " + args.length + " argument(s)");
    }

    /** The number of parameters of the public method {@code name} (the first found). */
    int parameterCount(String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name)) {
                return m.getParameterCount();
            }
        }
        throw new AssertionError(type.getName() + " has no public method " + name);
    }

    static String numbered(String source) {
        var out = new StringBuilder();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(String.format(Locale.ROOT, "%4d  %s%n", i + 1, lines[i]));
        }
        return out.toString();
    }
}

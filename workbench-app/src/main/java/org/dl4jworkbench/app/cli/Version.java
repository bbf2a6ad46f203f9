package org.dl4jworkbench.app.cli;

import picocli.CommandLine;

/** Versions of the workbench, DL4J and Java, for {@code --version}. */
final class Version implements CommandLine.IVersionProvider {

    static String workbench() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"DL4J Workbench " + workbench(), "Deeplearning4j 1.0.0-M2.1",
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}

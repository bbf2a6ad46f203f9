package org.dl4jworkbench.app.ui;

/** Window titles: "DL4J Workbench - NAME". */
final class WorkbenchAppTitles {

    static final String APP = "DL4J Workbench";

    private WorkbenchAppTitles() {
    }

    static String title(String projectName) {
        return projectName == null || projectName.isBlank() ? APP : APP + " - " + projectName;
    }
}

package org.dl4jworkbench.app.ui.predict;

/** One image of a predicted folder (or one gallery prediction, when exported) as the table and CSV show it. */
public record FolderRow(String file, String best, double probability, String second, String error) {
}

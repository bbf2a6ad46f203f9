package org.dl4jworkbench.app.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The workbench window (being rebuilt as the network editor: issue 6). */
final class MainWindow {

    private final WorkbenchModel model;

    MainWindow(WorkbenchModel model) {
        this.model = model;
    }

    void show(Stage stage) {
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> WorkbenchAppTitles.title(model.projectProperty().get().name()), model.projectProperty()));
        var tabs = new TabPane(new Tab("Network"), new Tab("Dataset"), new Tab("Training"));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        var root = new BorderPane(tabs);
        stage.setScene(WorkbenchApp.scene(root, 1280, 800));
        stage.show();
    }
}

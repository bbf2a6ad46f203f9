package org.dl4jworkbench.app.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one window on the default project (LeNet on mnist-mini). */
public class WorkbenchApp extends Application {

    private ExecutorService background;

    public static void launchApp(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "workbench-background");
            t.setDaemon(true);
            return t;
        });
        new MainWindow(WorkbenchModel.withDefaultProject(background)).show(stage);
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdownNow();
        }
    }

    /** Puts a window's root in a scene with the workbench's stylesheet. */
    static Scene scene(javafx.scene.Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        return scene;
    }
}

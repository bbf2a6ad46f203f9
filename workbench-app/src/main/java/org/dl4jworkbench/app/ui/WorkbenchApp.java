package org.dl4jworkbench.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.task.WorkbenchExecutors;

/** The JavaFX application: one window on the default project (LeNet on mnist-mini) or the project named. */
public class WorkbenchApp extends Application {

    private WorkbenchExecutors executors;

    /**
     * Opens the window and returns when it closes: 0, or 1 when the window cannot start for want
     * of a display or GTK, after saying so on standard error (no stack trace).
     */
    public static int launchApp(String[] args) {
        try {
            Application.launch(WorkbenchApp.class, args);
            return 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            var message = WindowStartFailure.explain(e, System.getenv("DISPLAY"));
            if (message.isEmpty()) {
                throw e;
            }
            System.err.println(message.get());
            return 1;
        }
    }

    @Override
    public void start(Stage stage) {
        executors = WorkbenchExecutors.create();
        var project = getParameters().getUnnamed();
        var model = project.isEmpty() ? WorkbenchModel.withDefaultProject(executors) : new WorkbenchModel(executors);
        useTheme(model.darkProperty());
        new MainWindow(model).show(stage);
        if (project.isEmpty()) {
            ProjectMenus.offerRecovery(model, stage);
        } else { // ./workbench PROJECT_FOLDER
            ProjectMenus.open(model, stage, java.nio.file.Path.of(project.get(0)));
        }
    }

    @Override
    public void stop() {
        if (executors != null) {
            executors.close();
        }
    }

    /** AtlantaFX's Primer theme, light or dark as {@code dark} says, now and when it changes. */
    public static void useTheme(BooleanProperty dark) {
        Runnable apply = () -> Application.setUserAgentStylesheet(dark.get()
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        dark.addListener((obs, old, now) -> apply.run());
        apply.run();
    }

    /** Puts a window's root in a scene with the workbench's stylesheets. */
    static Scene scene(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().addAll(WorkbenchApp.class.getResource("workbench.css").toExternalForm(),
                WorkbenchApp.class.getResource("editor.css").toExternalForm(),
                WorkbenchApp.class.getResource("dataset.css").toExternalForm());
        return scene;
    }
}

package org.dl4jworkbench.app.ui.shots;

import java.nio.file.Files;
import javafx.application.Platform;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.core.data.image.ImageFixtures;
import org.dl4jworkbench.core.spec.Template;
import org.dl4jworkbench.core.spec.Templates;

/**
 * File > New from template with a folder of photos open: mobilenet-transfer offered first, chosen,
 * and the pretrained MobileNet installed (docs/screenshots/transfer-templates.png).
 */
public final class TransferTemplatesShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) throws Exception {
        ShotData.installMobileNet();
        var pets = ImageFixtures.catsAndDogs(Files.createTempDirectory("templates-shot").resolve("my-photos"), 6,
                false, 1);
        Template cnn = Templates.find("cats-dogs").orElseThrow();
        model.open(new Project("my-photos", cnn.spec(), "folder:" + pets, null)); // a folder of photos open
        var bar = (MenuBar) stage.getScene().lookup(".menu-bar");
        var item = bar.getMenus().get(0).getItems().stream()
                .filter(i -> "New from template...".equals(i.getText())).findFirst().orElseThrow();
        Platform.runLater(item::fire); // the chooser waits for an answer: open it after this returns
        return 3;
    }
}

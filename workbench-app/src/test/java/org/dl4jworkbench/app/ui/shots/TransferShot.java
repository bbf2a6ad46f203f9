package org.dl4jworkbench.app.ui.shots;

import java.nio.file.Files;
import javafx.stage.Stage;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.core.data.image.ImageFixtures;
import org.dl4jworkbench.core.spec.Template;
import org.dl4jworkbench.core.spec.Templates;

/**
 * The editor on mobilenet-transfer over a folder of (generated) cat and dog pictures, the
 * pretrained block selected: its Train from choice in the inspector (docs/screenshots/transfer-editor.png).
 */
public final class TransferShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) throws Exception {
        var pets = ImageFixtures.catsAndDogs(Files.createTempDirectory("transfer-shot").resolve("cats-and-dogs"), 6,
                false, 1);
        Template t = Templates.find(Templates.TRANSFER).orElseThrow();
        model.open(new Project(t.id(), t.spec(), "folder:" + pets, null));
        model.editor().select(EditorModel.BACKBONE);
        return 4;
    }
}

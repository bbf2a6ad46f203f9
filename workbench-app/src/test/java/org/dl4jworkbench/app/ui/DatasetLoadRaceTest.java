package org.dl4jworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.ui.task.WorkbenchExecutors;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.predict.MnistModelFixture;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dataset loads that overlap: the background work is queued and then run in the worst order
 * (the last queued first), so a load that is not cancelled would finish last and win.
 */
@ExtendWith(ApplicationExtension.class)
class DatasetLoadRaceTest {

    @TempDir
    Path dir;

    private final List<Runnable> queued = Collections.synchronizedList(new ArrayList<>());
    private WorkbenchModel model;
    private String folderSpec;

    @BeforeEach
    void folderDatasetOpen() throws Exception {
        ImageSet test = Datasets.open(Datasets.DEFAULT).test();
        for (String digit : List.of("a", "b")) {
            Path classDir = Files.createDirectories(dir.resolve("digits").resolve(digit));
            for (int i = 0; i < 6; i++) {
                MnistModelFixture.writeDigit(test, digit.equals("a") ? i : 10 + i, classDir.resolve(i + ".png"));
            }
        }
        folderSpec = "folder:" + dir.resolve("digits"); // as the Dataset tab names a dropped folder
        model = WaitForAsyncUtils.asyncFx(() -> new WorkbenchModel(WorkbenchExecutors.sharing(queued::add),
                Files.createDirectories(dir.resolve("settings")))).get();
        WaitForAsyncUtils.asyncFx(() -> model.loadDataset(folderSpec)).get();
        runQueuedLastFirst();
        assertThat(model.datasetProperty().get().name()).contains("digits");
    }

    private void runQueuedLastFirst() {
        while (!queued.isEmpty()) {
            List<Runnable> now;
            synchronized (queued) {
                now = new ArrayList<>(queued);
                queued.clear();
            }
            Collections.reverse(now);
            now.forEach(Runnable::run);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void openingAProjectOverAFolderDatasetLoadsOnlyTheProjectsDatasetAndLeavesNothingUnsaved(FxRobot robot) {
        // A network with another input size: the editor's change alone would decode the folder anew.
        NetworkSpec cifar = Templates.find("cifar10-cnn").orElseThrow().spec();
        var project = new Project("other", cifar, Datasets.DEFAULT, dir.resolve("other"));
        robot.interact(() -> model.open(project));
        runQueuedLastFirst();
        assertThat(model.datasetProperty().get().name()).isEqualTo(Datasets.DEFAULT);
        assertThat(model.project().dataset()).isEqualTo(Datasets.DEFAULT);
        assertThat(model.isDirty()).isFalse();
        assertThat(model.loadingProperty().get()).isNull();
    }

    @Test
    void ofTwoLoadsAskedForInOneEventTheSecondWins(FxRobot robot) {
        robot.interact(() -> {
            model.loadDataset(Datasets.DEFAULT);
            model.loadDataset(folderSpec);
        });
        runQueuedLastFirst();
        assertThat(model.datasetProperty().get().name()).contains("digits");
        assertThat(model.project().dataset()).isEqualTo(folderSpec);
        assertThat(model.loadingProperty().get()).isNull();
    }
}

package org.dl4jworkbench.app.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.dl4jworkbench.app.charts.RunFixtures;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.run.RunEntry;
import org.dl4jworkbench.core.run.RunSummary;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {

    @TempDir
    Path dir;

    private static NetworkSpec edited() {
        NetworkSpec lenet = Templates.find("lenet").orElseThrow().spec();
        var layers = new java.util.ArrayList<>(lenet.layers());
        layers.add(4, new DropoutSpec("dropout1", 0.25));
        return lenet.withLayers(layers);
    }

    @Test
    void aSavedProjectReadsBackEqual() throws Exception {
        var project = new Project("digits", edited(), "idx:/data/mnist", dir.resolve("digits"));
        Path file = ProjectFiles.save(project);
        assertThat(file).isEqualTo(dir.resolve("digits").resolve("project.json"));
        assertThat(Files.readString(file)).contains("\"format\" : \"dl4j-workbench/project\"", "\"version\" : 1",
                "\"dataset\" : \"idx:/data/mnist\"", "\"network\" : {");
        Project back = ProjectFiles.load(dir.resolve("digits"));
        assertThat(back).isEqualTo(project.savedAs("digits", dir.resolve("digits").toAbsolutePath().normalize()));
        assertThat(ProjectFiles.load(file).spec()).isEqualTo(project.spec());
        assertThat(back.runsFolder()).isEqualTo(back.folder().resolve("runs"));
    }

    @Test
    void aFolderWithoutAProjectSaysWhatToOpen() {
        assertThatThrownBy(() -> ProjectFiles.load(dir))
                .isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining(dir + " is not a DL4J Workbench project: it has no project.json");
    }

    @Test
    void damagedOrNewerFilesGetMessagesNamingTheFile() throws Exception {
        Path file = dir.resolve("project.json");
        Files.writeString(file, "{\"format\": \"dl4j-workbench/project\", \"version\": 1, \"name\": \"x\"");
        assertThatThrownBy(() -> ProjectFiles.load(dir)).hasMessageStartingWith(file + ": not valid JSON (line 1)");

        String good = ProjectFiles.toJson(new Project("x", edited(), "mnist-mini", null));
        Files.writeString(file, good.replace("\"version\" : 1", "\"version\" : 7"));
        assertThatThrownBy(() -> ProjectFiles.load(dir)).hasMessage(file + ": written by a newer DL4J Workbench "
                + "(project format version 7); this one reads versions up to 1. Update the workbench to open it.");

        Files.writeString(file, good.replace("\"name\" : \"x\"", "\"name\" : \"x\", \"colour\" : \"red\""));
        assertThatThrownBy(() -> ProjectFiles.load(dir)).hasMessageStartingWith(file + ": unknown field \"colour\"");

        Files.writeString(file, good.replace("\"units\" : 500", "\"units\" : \"many\""));
        assertThatThrownBy(() -> ProjectFiles.load(dir)).hasMessageStartingWith(file + " (network): ");

        Files.writeString(file, good.replace("dl4j-workbench/project", "something/else"));
        assertThatThrownBy(() -> ProjectFiles.load(dir)).hasMessageContaining("not a DL4J Workbench project");
    }

    @Test
    void recentProjectsAreNewestFirstWithoutDuplicatesOrVanishedFolders() throws Exception {
        var recent = new RecentProjects(dir.resolve("settings"));
        assertThat(recent.list()).isEmpty();
        Path a = saved("a");
        Path b = saved("b");
        recent.add(a);
        recent.add(b);
        assertThat(recent.add(a)).containsExactly(a, b);
        Files.delete(b.resolve("project.json"));
        assertThat(recent.list()).containsExactly(a);
        Files.writeString(dir.resolve("settings").resolve(RecentProjects.FILE_NAME), "{damaged");
        assertThat(recent.list()).isEmpty(); // a convenience: a damaged list is no error
        assertThat(recent.add(a)).containsExactly(a);
    }

    @Test
    void autosavesAreFoundUntilDiscardedAndOnesEqualToTheSavedProjectAreDropped() throws Exception {
        var autosave = new Autosave(dir.resolve("settings"));
        Path folder = saved("kept");
        Project onDisk = ProjectFiles.load(folder);
        autosave.write(onDisk.withSpec(edited()));
        autosave.write(new Project("untitled", edited(), "mnist-mini", null));
        var pending = autosave.pending();
        assertThat(pending).hasSize(2);
        assertThat(pending).extracting(r -> r.project().name()).containsExactlyInAnyOrder("kept", "untitled");
        assertThat(pending.get(0).savedAt()).isBefore(Instant.now().plusSeconds(1));
        var kept = pending.stream().filter(r -> r.project().name().equals("kept")).findFirst().orElseThrow();
        assertThat(kept.project().folder()).isEqualTo(folder);
        assertThat(kept.project().spec()).isEqualTo(edited());

        autosave.discard(null);
        assertThat(autosave.pending()).extracting(r -> r.project().name()).containsExactly("kept");
        autosave.write(onDisk); // written just before the project was saved: nothing to recover
        assertThat(autosave.pending()).isEmpty();
    }

    @Test
    void savingAnUnsavedProjectMovesItsScratchRunsIntoTheProjectWhereReopeningFindsThem() throws Exception {
        Path scratch = dir.resolve("settings").resolve(Project.SCRATCH).resolve("p1");
        var unsaved = new Project("untitled", edited(), "mnist-mini", null, scratch);
        assertThat(unsaved.runsFolder()).isEqualTo(scratch);
        RunFixtures.write(scratch.resolve("20261124-100000-lenet"), RunFixtures.Options.of("lenet", 2, 30));
        RunFixtures.write(scratch.resolve("20261124-110000-lenet"), RunFixtures.Options.of("lenet", 1, 30));
        Path folder = dir.resolve("digits").toAbsolutePath();
        Files.createDirectories(folder.resolve("runs").resolve("20261124-110000-lenet")); // a name already taken

        ProjectFiles.save(unsaved.savedAs("digits", folder));

        Project back = ProjectFiles.load(folder);
        assertThat(back.runsFolder()).isEqualTo(folder.resolve("runs"));
        assertThat(RunEntry.list(back.runsFolder(), Instant.now())).extracting(RunEntry::name, RunEntry::status)
                .containsExactlyInAnyOrder(tuple("20261124-100000-lenet", "completed"),
                        tuple("20261124-110000-lenet-2", "completed"));
        assertThat(scratch).doesNotExist();
    }

    @Test
    void aRunStillTrainingStaysInTheScratchFolderUntilTheNextSave() throws Exception {
        Path scratch = dir.resolve("scratch");
        RunFixtures.write(scratch.resolve("live"), RunFixtures.Options.of("lenet", 1, 10)
                .status(RunSummary.RUNNING, 3).started(Instant.now()));
        Project saved = new Project("x", edited(), "mnist-mini", null, scratch).savedAs("x", dir.resolve("x"));

        ProjectFiles.save(saved);

        assertThat(scratch.resolve("live")).isDirectory();
        assertThat(dir.resolve("x").resolve("runs").resolve("live")).doesNotExist();
    }

    @Test
    void newUnsavedProjectsKeepTheirRunsApartAndNeverInTheWorkingDirectory() {
        var a = new Project("a", edited(), "mnist-mini", null);
        var b = new Project("a", edited(), "mnist-mini", null);
        assertThat(a.runsFolder()).isNotEqualTo(b.runsFolder());
        assertThat(a.runsFolder()).isAbsolute().startsWithRaw(WorkbenchDirs.settings().toAbsolutePath().resolve(Project.SCRATCH));
        assertThat(a.withSpec(edited()).withDataset("cifar10").runsFolder()).isEqualTo(a.runsFolder());
    }

    private Path saved(String name) throws Exception {
        Path folder = dir.resolve(name).toAbsolutePath();
        ProjectFiles.save(new Project(name, Templates.find("mlp").orElseThrow().spec(), "mnist-mini", folder));
        return folder;
    }
}

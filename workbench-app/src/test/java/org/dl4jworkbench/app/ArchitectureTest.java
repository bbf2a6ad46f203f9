package org.dl4jworkbench.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's two faces, the window ({@code ui}) and the command line ({@code cli}), stand side
 * by side on the shared parts ({@code charts}, {@code editor}, {@code project}, {@code training},
 * {@code logging}) and on core; neither knows the other. The benchmarks ({@code bench}) drive
 * both and only {@code Main} knows them. The window's background work goes through one
 * mechanism ({@code ui.task}), and its classes stay small or say why not.
 */
class ArchitectureTest {

    private static final String UI = "org.dl4jworkbench.app.ui..";
    private static final String CLI = "org.dl4jworkbench.app.cli..";
    private static final String BENCH = "org.dl4jworkbench.app.bench..";
    private static final String UI_TASK = "org.dl4jworkbench.app.ui.task..";
    /** The window's sources, read by the size rule (tests run in the module's folder). */
    private static final Path UI_SOURCES = Path.of("src/main/java/org/dl4jworkbench/app/ui");
    static final int MAX_LINES = 300;
    static final String OVER_MARKER = "Over 300 lines:";

    static JavaClasses app;
    static JavaClasses core;

    @BeforeAll
    static void importClasses() {
        var importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        app = importer.importPackages("org.dl4jworkbench.app");
        core = importer.importPackages("org.dl4jworkbench.core");
    }

    @Test
    void theCommandLineDoesNotKnowTheWindow() {
        noClasses().that().resideInAPackage(CLI)
                .should().dependOnClassesThat().resideInAnyPackage(UI, BENCH, "javafx..")
                .because("the command line runs headless, on a server or in CI, without JavaFX")
                .check(app);
    }

    @Test
    void theWindowDoesNotKnowTheCommandLine() {
        noClasses().that().resideInAPackage(UI)
                .should().dependOnClassesThat().resideInAnyPackage(CLI, BENCH)
                .because("what both faces need belongs in core or a shared package, not in one face")
                .check(app);
    }

    @Test
    void sharedPackagesKnowNeitherFace() {
        noClasses().that().resideInAnyPackage("org.dl4jworkbench.app.charts..", "org.dl4jworkbench.app.editor..",
                        "org.dl4jworkbench.app.project..", "org.dl4jworkbench.app.training..",
                        "org.dl4jworkbench.app.logging..", "org.dl4jworkbench.app.explain..")
                .should().dependOnClassesThat().resideInAnyPackage(UI, CLI, BENCH)
                .because("charts, the editor model, projects, training runs, logging and heat-map overlays serve both faces")
                .check(app);
    }

    @Test
    void onlyMainKnowsTheBenchmarks() {
        noClasses().that().resideOutsideOfPackage(BENCH).and().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().dependOnClassesThat().resideInAPackage(BENCH)
                .because("benchmarks are not part of the product's command set; Main adds them to the command line")
                .check(app);
    }

    @Test
    void coreDoesNotKnowTheApp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.dl4jworkbench.app..")
                .because("the app depends on core, never the reverse")
                .check(core);
    }

    @Test
    void theWindowRunsBackgroundWorkOnlyThroughBackgroundTask() {
        noClasses().that().resideInAPackage(UI).and().resideOutsideOfPackage(UI_TASK)
                .should().dependOnClassesThat().resideInAPackage("javafx.concurrent..")
                .orShould().dependOnClassesThat().belongToAnyOf(CompletableFuture.class, ExecutorService.class,
                        Executors.class)
                .because("background work in the window goes through ui.task's BackgroundTask on the "
                        + "WorkbenchExecutors: one way to report running, success, failure (Errors too), cancel and "
                        + "progress, on executors kept apart so a Save never waits behind a download")
                .check(app);
    }

    @Test
    void onlyTheTaskPackageQueuesWorkOnTheFxThread() {
        noClasses().that().resideInAPackage(UI).and().resideOutsideOfPackage(UI_TASK)
                .should().callMethod(Platform.class, "runLater", Runnable.class)
                .because("results reach the FX thread through BackgroundTask's callbacks, coalesced or in batches; "
                        + "one Platform.runLater per image or iteration floods the FX thread")
                .check(app);
    }

    @Test
    void windowClassesOverThreeHundredLinesSayWhyAtTheirTop() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(UI_SOURCES)) {
            tooLong = files.filter(f -> f.toString().endsWith(".java")).filter(ArchitectureTest::overWithoutReason)
                    .map(f -> UI_SOURCES.relativize(f) + " (" + lines(f) + " lines)").sorted().toList();
        }
        assertThat(tooLong).as("ui classes over %d lines: split them, or write why not in their class comment, "
                + "starting \"%s\"", MAX_LINES, OVER_MARKER).isEmpty();
    }

    private static boolean overWithoutReason(Path file) {
        return lines(file) > MAX_LINES && !classComment(read(file)).contains(OVER_MARKER);
    }

    /** The Javadoc comment just before the file's first top-level type, or "" without one. */
    static String classComment(String source) {
        var type = Pattern.compile("(?m)^(public |final |abstract |sealed |non-sealed )*(class|interface|record|enum) ")
                .matcher(source);
        if (!type.find()) {
            return "";
        }
        String before = source.substring(0, type.start());
        int start = before.lastIndexOf("/**");
        int end = before.lastIndexOf("*/");
        boolean adjacent = start >= 0 && end > start // only annotations between the comment and the type
                && before.substring(end + 2).strip().lines().allMatch(l -> l.isBlank() || l.strip().startsWith("@"));
        return adjacent ? before.substring(start, end + 2) : "";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        return read(file).lines().count();
    }
}

package org.dl4jworkbench.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's two faces, the window ({@code ui}) and the command line ({@code cli}), stand side
 * by side on the shared parts ({@code charts}, {@code editor}, {@code project}, {@code training},
 * {@code logging}) and on core; neither knows the other. The benchmarks ({@code bench}) drive
 * both and only {@code Main} knows them.
 */
class ArchitectureTest {

    private static final String UI = "org.dl4jworkbench.app.ui..";
    private static final String CLI = "org.dl4jworkbench.app.cli..";
    private static final String BENCH = "org.dl4jworkbench.app.bench..";

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
                        "org.dl4jworkbench.app.logging..")
                .should().dependOnClassesThat().resideInAnyPackage(UI, CLI, BENCH)
                .because("charts, the editor model, projects, training runs and logging serve both faces")
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
}

package org.dl4jworkbench.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Core runs headless and knows nothing of the app; the spec is plain data. */
class ArchitectureTest {

    static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dl4jworkbench.core");
    }

    @Test
    void coreHasNoUserInterface() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
                .because("workbench-core must run headless, on a server or in CI")
                .check(core);
    }

    @Test
    void coreDoesNotKnowTheApp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.dl4jworkbench.app..")
                .because("the app depends on core, never the reverse")
                .check(core);
    }

    @Test
    void specAndAnalysisAreFreeOfDl4j() {
        noClasses().that().resideInAnyPackage("org.dl4jworkbench.core.spec..", "org.dl4jworkbench.core.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
                .because("a network spec is plain data that the editor builds and checks without a backend")
                .check(core);
    }
}

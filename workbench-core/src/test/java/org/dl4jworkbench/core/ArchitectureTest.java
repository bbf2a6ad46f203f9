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
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "javax.swing..")
                .because("workbench-core must run headless, on a server or in CI")
                .check(core);
    }

    /** Image decoding needs java.awt.image (headless, not UI): one package, nothing else of AWT (decision 0003). */
    @Test
    void onlyImageDecodingTouchesAwtAndOnlyItsImageClasses() {
        noClasses().that().resideOutsideOfPackage("org.dl4jworkbench.core.data.image..")
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.imageio..")
                .because("decoding image files is the only reason core touches AWT")
                .check(core);
        noClasses().that().resideInAPackage("org.dl4jworkbench.core.data.image..")
                .should().dependOnClassesThat().resideInAPackage("java.awt")
                .orShould().dependOnClassesThat().resideInAnyPackage("java.awt.event..", "java.awt.geom..",
                        "java.awt.font..", "java.awt.dnd..", "java.awt.datatransfer..", "java.awt.print..")
                .because("the decoder may use java.awt.image and java.awt.color only, which work headless")
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

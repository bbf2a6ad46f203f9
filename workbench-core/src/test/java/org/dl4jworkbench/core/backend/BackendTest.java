package org.dl4jworkbench.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** The backend line says whether convolutions run on oneDNN, and which native build was loaded. */
class BackendTest {

    @Test
    void aOneDnnBuildSaysOneDnnAndTheBuild() {
        assertThat(Backend.cpuDetails("OPENBLAS", "2", true, "onednn-avx512", "true"))
                .isEqualTo("oneDNN (onednn-avx512), 2 threads");
        assertThat(Backend.cpuDetails("OPENBLAS", "1", true, "onednn", "conv"))
                .isEqualTo("oneDNN (onednn) for convolutions only, 1 thread");
    }

    @Test
    void oneDnnTurnedOffOrMissingSaysOpenBlasOnly() {
        assertThat(Backend.cpuDetails("OPENBLAS", "2", true, "onednn-avx2", "false"))
                .isEqualTo("OpenBLAS only (oneDNN turned off by -Dworkbench.onednn=false), 2 threads");
        assertThat(Backend.cpuDetails("OPENBLAS", "4", false, "generic", "true"))
                .isEqualTo("OpenBLAS only (generic build, without oneDNN), 4 threads");
        assertThat(Backend.cpuDetails("MKL", "4", false, null, "true")).isEqualTo("MKL only, 4 threads");
    }

    @Test
    void theBuildIsTheClassifierOfTheNativeLibrarysFolder() {
        assertThat(Backend.buildOf("linux-x86_64-onednn-avx512", "linux-x86_64")).isEqualTo("onednn-avx512");
        assertThat(Backend.buildOf("linux-x86_64", "linux-x86_64")).isEqualTo("generic");
        assertThat(Backend.buildOf("somewhere-else", "linux-x86_64")).isNull();
    }

    @Test
    void theBackendUnderTestIsTheOneDnnBuild() throws BackendUnavailableException {
        String arch = System.getProperty("os.arch");
        assumeTrue(arch.equals("amd64") || arch.equals("x86_64"), "ND4J has no oneDNN build for " + arch);
        assumeTrue(System.getProperty("workbench.onednn") == null, "oneDNN set by the test run");
        Backend backend = Backend.load();
        assertThat(backend.name()).isEqualTo("CPU");
        // mvn builds take the -onednn binary on x86-64 (docs/decisions/0004); the launcher may pick another
        assertThat(backend.toString()).matches("CPU, oneDNN \\(onednn(-avx2|-avx512)?\\), \\d+ threads?");
    }
}

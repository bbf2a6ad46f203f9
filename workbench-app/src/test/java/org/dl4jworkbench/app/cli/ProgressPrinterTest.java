package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The train command's progress for the work before the first minibatch, throttled as the minibatch line is. */
class ProgressPrinterTest {

    private static final String PHASE = "computing MobileNet v1 0.75 (ImageNet) features";

    @Test
    void inALogEachPhasePrintsItsFirstAndLastStepAndNotEveryImage() {
        var out = new StringWriter();
        var printer = new ProgressPrinter(new PrintWriter(out), false);
        for (int done = 1; done <= 1000; done++) {
            printer.onPreparing(PHASE, done, 1000);
        }
        for (int done = 1; done <= 20; done++) {
            printer.onPreparing("evaluating on the test images", done, 20);
        }
        printer.finish();
        assertThat(out.toString().lines().toList()).containsExactly(
                PHASE + ": 1 of 1,000 images",
                PHASE + ": 1,000 of 1,000 images",
                "evaluating on the test images: 1 of 20 images",
                "evaluating on the test images: 20 of 20 images");
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAndEndsWithThePhase() {
        var out = new StringWriter();
        var printer = new ProgressPrinter(new PrintWriter(out), true);
        printer.onPreparing(PHASE, 1, 50);
        printer.onPreparing(PHASE, 2, 50); // within a quarter second: not drawn
        printer.onPreparing(PHASE, 50, 50);
        printer.finish();
        assertThat(out.toString()).isEqualTo("\r" + PHASE + ": 1 of 50 images" + "\r" + PHASE + ": 50 of 50 images"
                + System.lineSeparator());
    }
}

package org.dl4jworkbench.core.export;

import org.dl4jworkbench.core.spec.OutputSpec;

/** The softmax output layer, as {@code SpecCompiler} and {@code TransferCompiler} add it. */
final class OutputCode {

    private OutputCode() {
    }

    /** The {@code .layer(...)} line of a sequential network (nIn from the input type). */
    static String sequential(OutputSpec out) {
        return "                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)\n"
                + "                        .name(" + JavaText.string(OutputSpec.NAME) + ")\n"
                + "                        .nOut(" + out.classes() + ")\n"
                + "                        .activation(Activation.SOFTMAX)\n"
                + "                        .build())\n";
    }
}

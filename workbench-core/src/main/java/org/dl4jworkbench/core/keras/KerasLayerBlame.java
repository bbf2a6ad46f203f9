package org.dl4jworkbench.core.keras;

import java.util.List;

/** Names the layer a DL4J import exception is about, from the Keras class or layer name in its message. */
final class KerasLayerBlame {

    private KerasLayerBlame() {
    }

    static String describe(Exception e, KerasModelConfig config) {
        String message = String.valueOf(e.getMessage());
        List<KerasModelConfig.Layer> layers = config.layers();
        // Layer names first: "conv2d_1" would also match a class name inside it.
        for (KerasModelConfig.Layer layer : layers) {
            if (containsWord(message, layer.name())) {
                return "layer '" + layer.name() + "' (" + layer.className() + ") is the problem:";
            }
        }
        for (KerasModelConfig.Layer layer : layers) {
            if (containsWord(message, layer.className())) {
                return "layer '" + layer.name() + "' (" + layer.className() + ") is the problem:";
            }
        }
        return "a layer or setting of this " + config.className() + " model is the problem:";
    }

    private static boolean containsWord(String text, String word) {
        int at = text.indexOf(word);
        while (at >= 0) {
            int end = at + word.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)) && text.charAt(at - 1) != '_';
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_';
            if (startOk && endOk) {
                return true;
            }
            at = text.indexOf(word, at + 1);
        }
        return false;
    }
}

package org.dl4jworkbench.app.ui.editor;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.spec.NetworkSpec;

/**
 * Always-visible totals: parameters (with a pretrained backbone, how many are frozen and how
 * many train), multiply-adds per image, and an estimate of the memory a training minibatch needs.
 */
public final class TotalsView {

    public static final String ID = "totals";

    private final Label parameters = new Label();
    private final Label multiplyAdds = new Label();
    private final Label memory = new Label();
    private final HBox root = new HBox(24, parameters, multiplyAdds, memory);

    public TotalsView(EditorModel editor) {
        root.setId(ID);
        root.getStyleClass().add("totals");
        parameters.setId("total-parameters");
        Tooltip.install(memory, new Tooltip("Activations and their gradients for one minibatch, plus weights, "
                + "gradients and the optimizer's state, all float32. An estimate: DL4J adds workspaces."));
        editor.analysisProperty().addListener((obs, old, a) -> show(editor.spec(), a));
        show(editor.spec(), editor.analysis());
    }

    public Node node() {
        return root;
    }

    private void show(NetworkSpec spec, NetworkAnalysis a) {
        parameters.setText(String.format(Locale.ROOT, "%,d parameters", a.totalParameters())
                + (a.frozenParameters() > 0 ? String.format(Locale.ROOT, ": %,d frozen, %,d trainable",
                a.frozenParameters(), a.trainableParameters()) : "")
                + (a.isValid() ? "" : " up to the first problem"));
        multiplyAdds.setText(String.format(Locale.ROOT, "%s multiply-adds per image", human(a.totalMultiplyAdds())));
        int batch = Math.max(1, spec.training().batchSize());
        // weights, and for those that train their gradients and the optimizer's two moments
        long bytes = 4L * (2L * a.activationsPerExample() * batch + a.totalParameters() + 3L * a.trainableParameters());
        memory.setText(String.format(Locale.ROOT, "about %s for a minibatch of %d", bytes(bytes), batch));
    }

    static String human(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f G", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.2f M", n / 1e6);
        }
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String bytes(long n) {
        return n >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", n / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.1f MB", n / (double) (1L << 20));
    }
}

package org.dl4jworkbench.app.ui.sweep;

import java.util.Arrays;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.sweep.Halving;
import org.dl4jworkbench.core.sweep.Search;
import org.dl4jworkbench.core.sweep.SweepDefinition;
import org.dl4jworkbench.core.sweep.SweepException;
import org.dl4jworkbench.core.sweep.VaryParser;

/**
 * What a sweep varies, as the command line takes it: one {@code --vary} text a line, the
 * dataset SPEC, trials (0: a grid of the lists; N: a random search), epochs and eta.
 */
public final class SweepForm {

    public static final String VARY_ID = "sweep-vary";
    public static final String DATASET_ID = "sweep-dataset";
    public static final String TRIALS_ID = "sweep-trials";
    public static final String EPOCHS_ID = "sweep-epochs";
    public static final String ETA_ID = "sweep-eta";

    private final TextArea vary = new TextArea("learning_rate=1e-4..1e-2:log\nbatch_size=32,64");
    private final TextField dataset = new TextField();
    private final TextField trials = new TextField("4");
    private final TextField epochs = new TextField();
    private final TextField eta = new TextField("2");
    private final GridPane node = new GridPane();

    SweepForm(String datasetSpec, int networkEpochs) {
        dataset.setText(datasetSpec);
        epochs.setText(String.valueOf(networkEpochs));
        vary.setId(VARY_ID);
        vary.setPrefRowCount(4);
        dataset.setId(DATASET_ID);
        trials.setId(TRIALS_ID);
        epochs.setId(EPOCHS_ID);
        eta.setId(ETA_ID);
        trials.setPrefColumnCount(4);
        epochs.setPrefColumnCount(4);
        eta.setPrefColumnCount(3);
        node.setHgap(8);
        node.setVgap(6);
        node.addRow(0, new Label("Vary"), vary);
        node.addRow(1, new Label("Dataset"), dataset);
        node.addRow(2, new Label("Trials (0: grid)"), new HBox(8, trials, new Label("Epochs"), epochs,
                new Label("Eta (keep 1/eta per rung)"), eta));
        GridPane.setHgrow(vary, Priority.ALWAYS);
    }

    GridPane node() {
        return node;
    }

    /** The sweep the fields describe for {@code network}, or why they describe none. */
    SweepDefinition definition(NetworkSpec network) throws SweepException {
        NetworkSpec base = network.withTraining(network.training().withEpochs(number(epochs, "Epochs")));
        List<String> texts = Arrays.stream(vary.getText().split("\n")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        int trialCount = number(trials, "Trials");
        Search search = trialCount == 0 ? new Search.Grid() : new Search.RandomSearch(trialCount, 1);
        return SweepDefinition.of(base, dataset.getText().strip(), VaryParser.parseAll(texts, base), search,
                new Halving(1, number(eta, "Eta")));
    }

    private static int number(TextField field, String name) throws SweepException {
        try {
            return Integer.parseInt(field.getText().strip());
        } catch (NumberFormatException e) {
            throw new SweepException(name + ": expected a whole number, found '" + field.getText() + "'");
        }
    }
}

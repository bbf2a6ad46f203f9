package org.dl4jworkbench.app.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.dl4jworkbench.app.ui.editor.LayerStyles;
import org.dl4jworkbench.core.analysis.LayerInfo;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.data.catalog.ByteSize;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.pretrained.PretrainedEntry;
import org.dl4jworkbench.core.spec.Template;
import org.dl4jworkbench.core.spec.Templates;

/**
 * File > New from template: the built-in networks as cards, each with a thumbnail of the
 * network (a block per layer in its kind's colour, as tall as its output is wide), its size
 * and the accuracy its tutorial reported; one that begins with a pretrained network says
 * whether that is installed. With a folder of photos open, the template that starts from a
 * network trained on ImageNet comes first, chosen. Double-click or Enter picks one; Escape
 * cancels.
 */
final class TemplateChooser {

    static final String LIST_ID = "template-list";

    private TemplateChooser() {
    }

    /** @param dataset the dataset SPEC open now: for an image folder, the transfer template comes first */
    static Optional<Template> show(Window owner, String dataset) {
        var list = new ListView<Template>();
        list.setId(LIST_ID);
        List<Template> offered = offered(dataset);
        list.getItems().setAll(offered);
        Map<String, Boolean> installed = installed(WorkbenchDirs.data());
        list.setCellFactory(v -> new TemplateCell(installed));
        list.getSelectionModel().select(dataset.startsWith("folder:") ? offered.get(0)
                : Templates.find(Templates.DEFAULT).orElseThrow());
        list.setPrefSize(700, 520);
        var dialog = new Dialog<Template>();
        dialog.initOwner(owner);
        dialog.setTitle("New from template");
        dialog.setHeaderText("Start a new project from one of the built-in networks");
        dialog.getDialogPane().setContent(list);
        dialog.getDialogPane().setMinWidth(740);
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                ((javafx.scene.control.Button) ok).fire();
            }
        });
        // The list consumes Escape and Enter (they end an edit), so the dialog never saw them:
        // catch them on the way down. Enter takes the selected template, as a double-click does.
        var cancel = (javafx.scene.control.Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                cancel.fire();
            } else if (e.getCode() == KeyCode.ENTER && list.isFocused() && !ok.isDisabled()) {
                e.consume();
                ((javafx.scene.control.Button) ok).fire();
            }
        });
        dialog.setResultConverter(b -> b == ButtonType.OK ? list.getSelectionModel().getSelectedItem() : null);
        // the arrow keys move in the list at once
        DialogSizing.fitOnShown(dialog, owner, list::requestFocus);
        return dialog.showAndWait();
    }

    /** The templates in the order offered: for a folder of photos, from a pretrained network first. */
    static List<Template> offered(String dataset) {
        if (!dataset.startsWith("folder:")) {
            return Templates.all();
        }
        List<Template> all = new ArrayList<>(Templates.all());
        all.sort(Comparator.comparing(t -> !t.id().equals(Templates.TRANSFER))); // stable: the rest keep their order
        return all;
    }

    /**
     * Whether each pretrained network is installed under {@code dataRoot}: two file lookups each
     * (its size, not its checksum), cheap enough while the dialog opens.
     */
    private static Map<String, Boolean> installed(Path dataRoot) {
        Map<String, Boolean> installed = new HashMap<>();
        PretrainedCatalog.entries().forEach(e -> installed.put(e.id(), e.isInstalled(dataRoot)));
        return installed;
    }

    /** "Needs the pretrained MobileNet v1 0.75 (224x224, ImageNet): installed." */
    static String pretrainedLine(Template t, Map<String, Boolean> installed) {
        PretrainedEntry entry = PretrainedCatalog.find(t.spec().backbone().model()).orElse(null);
        if (entry == null) {
            return "Needs the pretrained network '" + t.spec().backbone().model() + "', which the catalogue lacks";
        }
        return "Needs the pretrained " + entry.title() + (installed.getOrDefault(entry.id(), false) ? ": installed"
                : ": not installed yet; the Dataset tab's Pretrained networks says how to install it ("
                + ByteSize.format(entry.downloadSize()) + ")");
    }

    /** One template: thumbnail on the left, title, description, size and reported accuracy. */
    private static final class TemplateCell extends ListCell<Template> {
        private final Map<String, Boolean> installed;

        TemplateCell(Map<String, Boolean> installed) {
            this.installed = installed;
        }

        @Override
        protected void updateItem(Template t, boolean empty) {
            super.updateItem(t, empty);
            if (empty || t == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            NetworkAnalysis analysis = NetworkAnalyzer.analyze(t.spec());
            var title = new Label(t.title());
            title.getStyleClass().add("template-title");
            var description = new Label(t.description());
            description.setWrapText(true);
            description.setPrefWidth(460);
            description.setMinHeight(Region.USE_PREF_SIZE);
            var input = t.spec().input();
            var facts = new Label(String.format(Locale.ROOT, "%dx%dx%d input, %s%d layers, %,d parameters%s",
                    input.height(), input.width(), input.channels(), t.spec().hasBackbone() ? "pretrained + " : "",
                    t.spec().layers().size() + 1, analysis.totalParameters(), analysis.frozenParameters() > 0
                    ? String.format(Locale.ROOT, " (%,d train)", analysis.trainableParameters()) : ""));
            facts.getStyleClass().add("template-facts");
            facts.setWrapText(true);
            facts.setPrefWidth(460);
            facts.setMinHeight(Region.USE_PREF_SIZE);
            var reported = new Label(t.hasReportedAccuracy()
                    ? String.format(Locale.ROOT, "Tutorial reported %.1f%% accuracy on %s", 100 * t.reportedAccuracy(),
                    datasetName(t.dataset()))
                    : "Trains on " + datasetName(t.dataset()) + "; no tutorial figure to compare with");
            reported.getStyleClass().add(t.hasReportedAccuracy() ? "template-accuracy" : "template-facts");
            var source = new Label("From " + t.source());
            source.getStyleClass().add("template-facts");
            source.setWrapText(true);
            source.setPrefWidth(460);
            source.setMinHeight(Region.USE_PREF_SIZE);
            var text = new VBox(3, title, description, facts, reported, source);
            if (t.spec().hasBackbone()) {
                var needs = new Label(pretrainedLine(t, installed));
                needs.setId("template-pretrained-" + t.id());
                needs.setWrapText(true);
                needs.setPrefWidth(460);
                needs.setMinHeight(Region.USE_PREF_SIZE);
                needs.getStyleClass().add("template-facts");
                text.getChildren().add(needs);
            }
            var row = new HBox(14, thumbnail(analysis), text);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setPadding(new Insets(6, 4, 6, 4));
            setText(null);
            setGraphic(row);
            setId("template-" + t.id());
        }
    }

    private static String datasetName(String dataset) {
        return switch (dataset) {
            case "mnist" -> "MNIST";
            case "cifar10" -> "CIFAR-10";
            case "folder" -> "your own image folder";
            default -> dataset;
        };
    }

    /** A block per layer, coloured by kind; height follows the output's width, so pooling steps down. */
    static Node thumbnail(NetworkAnalysis analysis) {
        var row = new HBox(2);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("template-thumbnail");
        row.setMinWidth(130);
        row.setPrefWidth(130);
        int first = Math.max(1, analysis.layers().get(0).outputShape().width());
        for (LayerInfo layer : analysis.layers()) {
            var block = new Region();
            var shape = layer.outputShape();
            boolean backbone = layer.type().equals("backbone"); // many layers in one block: a wide, tall one
            double height = backbone ? 50
                    : shape.isImage() ? 14 + 46.0 * Math.sqrt((double) shape.width() / first) : 14;
            double width = backbone ? 40 : shape.isImage() ? 4 + Math.min(8, Math.log(Math.max(1, shape.channels()))
                    * 1.6) : 5;
            block.setMinSize(width, height);
            block.setMaxSize(width, height);
            block.getStyleClass().addAll("thumbnail-block", typeStyle(layer.type()));
            row.getChildren().add(block);
        }
        return row;
    }

    private static String typeStyle(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.contains("conv")) {
            return LayerStyles.CONVOLUTION;
        } else if (t.contains("pool")) {
            return LayerStyles.POOLING;
        } else if (t.contains("dense")) {
            return LayerStyles.DENSE;
        } else if (t.contains("dropout")) {
            return LayerStyles.DROPOUT;
        } else if (t.contains("batch")) {
            return LayerStyles.BATCH_NORM;
        } else if (t.contains("output")) {
            return LayerStyles.OUTPUT;
        } else if (t.contains("backbone")) {
            return LayerStyles.BACKBONE;
        }
        return LayerStyles.INPUT;
    }
}

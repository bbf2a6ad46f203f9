package org.dl4jworkbench.app.ui.predict;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dl4jworkbench.core.predict.ClassProbability;

/** How the prediction pane draws one result: an image with its top classes as bars, or a line of text. */
final class PredictionNodes {

    /** ImageNet's names run to 120 characters ("great white shark, white shark, man-eater, ..."): cut, tooltip. */
    private static final double NAME_WIDTH = 280;
    private static final double THUMBNAIL_MAX = 144;

    private PredictionNodes() {
    }

    /** @param install shows a pretrained network's card (by its id); null where the pane has no way there */
    static Node node(PredictionItem item, Consumer<String> install) {
        if (item instanceof PredictionItem.Message m) {
            return line(m.text());
        }
        if (item instanceof PredictionItem.NotInstalled n) {
            return notInstalled(n, install);
        }
        return shown((PredictionItem.Shown) item);
    }

    private static Label line(String text) {
        var line = new Label(text);
        line.getStyleClass().add("prediction-error");
        line.setWrapText(true);
        return line;
    }

    private static Node notInstalled(PredictionItem.NotInstalled n, Consumer<String> install) {
        var box = new VBox(6, line(n.text()));
        if (install != null) {
            var show = new Button("Show it in the Dataset tab");
            show.setId(PredictionPane.INSTALL_ID);
            show.setOnAction(e -> install.accept(n.id()));
            box.getChildren().add(show);
        }
        return box;
    }

    private static Node shown(PredictionItem.Shown shown) {
        var view = new ImageView(shown.thumbnail());
        view.getStyleClass().add("network-input");
        if (shown.thumbnail().getHeight() > THUMBNAIL_MAX) { // 224x224 for MobileNet: as tall as its five bars
            view.setFitHeight(THUMBNAIL_MAX);
            view.setPreserveRatio(true);
            view.setSmooth(true);
        }
        var title = new Label(shown.name()); // the file the image came from
        title.getStyleClass().add("prediction-title");
        var bars = new VBox(4, title);
        // one width for the names, so the bars line up: room for "Siamese cat, Siamese" where names are long
        double nameWidth = shown.top().stream().anyMatch(c -> c.name().length() > 12) ? NAME_WIDTH : 90;
        for (ClassProbability c : shown.top()) {
            bars.getChildren().add(bar(c, nameWidth));
        }
        var row = new HBox(14, view, bars);
        row.getStyleClass().add("prediction");
        row.setPadding(new Insets(8));
        Tooltip.install(row, new Tooltip(shown.source()));
        HBox.setHgrow(bars, Priority.ALWAYS);
        return row;
    }

    private static Node bar(ClassProbability c, double nameWidth) {
        var name = new Label(c.name());
        name.setMinWidth(nameWidth);
        name.setPrefWidth(nameWidth);
        name.setMaxWidth(nameWidth);
        name.setTextOverrun(OverrunStyle.ELLIPSIS);
        if (nameWidth > 90) {
            name.setTooltip(new Tooltip(c.name()));
        }
        var fill = new Region();
        fill.getStyleClass().add("probability-bar");
        fill.setPrefWidth(Math.max(2, 260 * c.probability()));
        fill.setMinWidth(Region.USE_PREF_SIZE);
        fill.setMinHeight(14);
        var percent = new Label(String.format(Locale.ROOT, "%.1f%%", c.probability() * 100));
        percent.setMinWidth(Region.USE_PREF_SIZE);
        var row = new HBox(8, name, fill, percent);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("probability");
        return row;
    }
}

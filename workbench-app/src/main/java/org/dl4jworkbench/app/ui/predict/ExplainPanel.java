package org.dl4jworkbench.app.ui.predict;

import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.dl4jworkbench.app.explain.Overlay;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.explain.ExplainMethod;
import org.dl4jworkbench.core.explain.Explainer;
import org.dl4jworkbench.core.explain.Explanation;
import org.dl4jworkbench.core.predict.Predictor;

/**
 * The prediction pane's "Explain" switch: a heat map of what the network looked at for the
 * selected result (the newest, or the one clicked), Grad-CAM or saliency, laid over the
 * image as the network saw it, with an opacity slider. The map is computed in the background
 * on the predictor's own model; moving the slider only changes the heat layer's opacity.
 */
public final class ExplainPanel {

    public static final String TOGGLE_ID = "explain-toggle";
    public static final String METHOD_ID = "explain-method";
    public static final String OPACITY_ID = "explain-opacity";
    public static final String OVERLAY_ID = "explain-overlay";
    public static final String HEAT_ID = "explain-heat";
    public static final String CAPTION_ID = "explain-caption";

    private final Executor compute;
    private final ObjectProperty<Predictor> predictor;
    private final ToggleButton toggle = new ToggleButton("Explain");
    private final ChoiceBox<ExplainMethod> method = new ChoiceBox<>();
    private final Slider opacity = new Slider(0, 1, 0.7);
    private final ImageView image = new ImageView();
    private final ImageView heat = new ImageView();
    private final Label caption = new Label();
    private final VBox overlay;
    private final HBox controls;
    private PredictionItem.Shown selected;
    /** True once the user clicked a result: new results then no longer take the overlay from it. */
    private boolean clicked;
    private Explainer explainer;
    private Predictor explained;
    /** Counts requests; a map that arrives for an older one is dropped. */
    private long request;

    /** What the background work hands to the FX thread. */
    private record Drawn(Image image, Image heat, String caption) {
    }

    ExplainPanel(Executor compute, ObjectProperty<Predictor> predictor, ObservableList<PredictionItem> items) {
        this.compute = compute;
        this.predictor = predictor;
        toggle.setId(TOGGLE_ID);
        toggle.setTooltip(new Tooltip("Show a heat map of what the network looked at for the selected result "
                + "(click a result to select it)"));
        method.setId(METHOD_ID);
        method.getItems().setAll(ExplainMethod.values());
        method.setValue(ExplainMethod.GRAD_CAM);
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExplainMethod m) {
                return m == null ? "" : m.label();
            }

            @Override
            public ExplainMethod fromString(String s) {
                return null;
            }
        });
        method.disableProperty().bind(toggle.selectedProperty().not());
        opacity.setId(OPACITY_ID);
        opacity.setPrefWidth(120);
        opacity.disableProperty().bind(toggle.selectedProperty().not());
        opacity.setTooltip(new Tooltip("How much of the heat map covers the image"));
        heat.setId(HEAT_ID);
        heat.opacityProperty().bind(opacity.valueProperty());
        var picture = new StackPane(image, heat);
        picture.setAlignment(Pos.TOP_LEFT);
        picture.setMaxWidth(StackPane.USE_PREF_SIZE);
        caption.setId(CAPTION_ID);
        caption.getStyleClass().add("hint");
        caption.setWrapText(true);
        overlay = new VBox(4, picture, caption);
        overlay.setId(OVERLAY_ID);
        overlay.visibleProperty().bind(toggle.selectedProperty());
        overlay.managedProperty().bind(toggle.selectedProperty());
        controls = new HBox(8, toggle, method, new Label("Opacity"), opacity);
        controls.setAlignment(Pos.CENTER_LEFT);
        toggle.selectedProperty().addListener((obs, was, on) -> refresh());
        method.valueProperty().addListener((obs, was, now) -> refresh());
        predictor.addListener((obs, was, now) -> {
            explainer = null;
            selected = null;
            clicked = false;
            refresh();
        });
        items.addListener((ListChangeListener<PredictionItem>) c -> {
            // The newest result, unless the user clicked one that is still shown.
            if (!clicked || !items.contains(selected)) {
                clicked = false;
                var newest = items.stream().filter(i -> i instanceof PredictionItem.Shown)
                        .map(i -> (PredictionItem.Shown) i).findFirst().orElse(null);
                if (newest != selected) {
                    selected = newest;
                    refresh();
                }
            }
        });
    }

    /** The switch, method and opacity slider, for the pane's results bar. */
    Node controls() {
        return controls;
    }

    /** The image with its heat map and a caption; shown while the switch is on. */
    Node overlay() {
        return overlay;
    }

    /** A result's node, made to select its result for the overlay when clicked. */
    Node selectable(PredictionItem item, Node node) {
        if (item instanceof PredictionItem.Shown shown) {
            node.setCursor(Cursor.HAND);
            node.setOnMouseClicked(e -> {
                selected = shown;
                clicked = true;
                refresh();
            });
        }
        return node;
    }

    private void refresh() {
        long mine = ++request;
        Predictor p = predictor.get();
        PredictionItem.Shown item = selected;
        if (!toggle.isSelected() || p == null || item == null || item.prediction() == null) {
            image.setImage(null);
            heat.setImage(null);
            caption.setText(toggle.isSelected() ? "Predict an image to see what the network looked at." : "");
            return;
        }
        if (explained != p) {
            explainer = null;
        }
        ExplainMethod m = method.getValue();
        caption.setText("Computing the " + m.label() + " map of " + item.name() + " ...");
        BackgroundTask.wrap(() -> draw(p, item, m)).onSuccess(drawn -> {
            if (mine == request) {
                image.setImage(drawn.image());
                heat.setImage(drawn.heat());
                caption.setText(drawn.caption());
            }
        }).onFailure(f -> {
            if (mine == request) {
                image.setImage(null);
                heat.setImage(null);
                caption.setText(item.name() + ": " + f.message());
            }
        }).executeWith(compute);
    }

    /** Off the FX thread: the map, then both layers as images. */
    private Drawn draw(Predictor p, PredictionItem.Shown item, ExplainMethod m) {
        Explainer x;
        synchronized (this) {
            if (explainer == null || explained != p) {
                explainer = new Explainer(p.model());
                explained = p;
            }
            x = explainer;
        }
        Explanation e = x.explain(item.prediction(), m, null, null);
        int scale = Overlay.scaleFor(e.width(), e.height());
        var seen = e.prediction();
        Image base = Images.fromPlanar(seen.networkInput(), seen.height(), seen.width(), seen.channels(), scale);
        Overlay colours = Overlay.heat(e, scale);
        var heatImage = new WritableImage(colours.width(), colours.height());
        heatImage.getPixelWriter().setPixels(0, 0, colours.width(), colours.height(), PixelFormat.getIntArgbInstance(),
                colours.argb(), 0, colours.width());
        String text = String.format(Locale.ROOT, "%s: %s for \"%s\" (%.1f%%), on %s", item.name(), m.label(),
                e.target().name(), e.target().probability() * 100,
                e.layer().equals(Explanation.INPUT) ? "the input pixels"
                        : e.layer() + " (" + e.layerWidth() + "x" + e.layerHeight() + ")");
        return new Drawn(base, heatImage, text);
    }
}

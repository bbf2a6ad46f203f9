package org.dl4jworkbench.app.ui.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
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
import org.dl4jworkbench.app.explain.Overlay;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.image.DecodedImage;
import org.dl4jworkbench.core.explain.ExplainMethod;
import org.dl4jworkbench.core.explain.Explainer;
import org.dl4jworkbench.core.predict.Predictor;

/**
 * "Why was this 4 taken for a 9?": an Explain switch over the evaluation gallery that lays a
 * Grad-CAM map of the predicted class over each image shown (saliency where the network has
 * no convolution), with an opacity slider. The maps come from the model the Predict tab uses
 * (after a run, the run's own model), computed in the background; a model that does not take
 * these images is named, not used.
 */
final class GalleryExplain {

    static final String TOGGLE_ID = "gallery-explain";
    static final String OPACITY_ID = "gallery-explain-opacity";
    static final String NOTE_ID = "gallery-explain-note";
    static final String HEAT_CLASS = "gallery-heat";

    private final Executor compute;
    private final ToggleButton toggle = new ToggleButton("Explain");
    private final Slider opacity = new Slider(0, 1, 0.7);
    private final Label note = new Label();
    private final HBox bar;
    private final Map<Integer, ImageView> heats = new HashMap<>();
    private ObservableValue<Predictor> predictor;
    private ImageSet set;
    private List<Integer> shown = List.of();
    private int predicted;
    private int zoom;
    private BackgroundTask<List<Image>> work;

    GalleryExplain(Executor compute) {
        this.compute = compute;
        toggle.setId(TOGGLE_ID);
        toggle.setTooltip(new Tooltip("Lay a heat map of what made the network predict its class over each image"));
        opacity.setId(OPACITY_ID);
        opacity.setPrefWidth(120);
        opacity.disableProperty().bind(toggle.selectedProperty().not());
        note.setId(NOTE_ID);
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        bar = new HBox(8, toggle, new Label("Opacity"), opacity, note);
        bar.setAlignment(Pos.CENTER_LEFT);
        toggle.selectedProperty().addListener((obs, was, on) -> refresh());
    }

    /** Where the maps' model comes from: the Predict tab's. */
    void explainWith(ObservableValue<Predictor> source) {
        this.predictor = source;
        source.addListener((obs, was, now) -> refresh());
    }

    Node bar() {
        return bar;
    }

    /** A gallery image with room for its heat map above it. */
    Node wrap(int index, ImageView view) {
        var heat = new ImageView();
        heat.getStyleClass().add(HEAT_CLASS);
        heat.opacityProperty().bind(opacity.valueProperty());
        heat.visibleProperty().bind(toggle.selectedProperty());
        heats.put(index, heat);
        var stack = new StackPane(view, heat);
        stack.setAlignment(Pos.TOP_LEFT);
        return stack;
    }

    /** The gallery now shows {@code indexes} of {@code images}, all predicted as class {@code predictedClass}. */
    void shown(ImageSet images, List<Integer> indexes, int predictedClass, int scale) {
        this.set = images;
        this.shown = List.copyOf(indexes);
        this.predicted = predictedClass;
        this.zoom = scale;
        refresh();
    }

    /** The gallery was emptied (another cell, another evaluation). */
    void clear() {
        cancel();
        heats.clear();
        shown = List.of();
        note.setText("");
    }

    private void cancel() {
        if (work != null) {
            work.cancel();
            work = null;
        }
    }

    private void refresh() {
        cancel();
        if (!toggle.isSelected() || shown.isEmpty()) {
            note.setText("");
            return;
        }
        Predictor p = predictor == null ? null : predictor.getValue();
        if (p == null) {
            note.setText("Open the run's model in the Predict tab to explain these images.");
            return;
        }
        var input = p.input();
        if (input.height() != set.height() || input.width() != set.width() || input.channels() != set.channels()
                || p.classNames().size() <= predicted) {
            note.setText(String.format(Locale.ROOT, "The model in Predict takes %s images, these are %dx%dx%d: open "
                    + "the run's model in Predict to explain them.", input, set.height(), set.width(), set.channels()));
            return;
        }
        note.setText("Computing maps ...");
        ImageSet images = set;
        List<Integer> indexes = shown;
        int cls = predicted;
        int scale = zoom;
        Map<Integer, ImageView> views = Map.copyOf(heats);
        String[] method = new String[1];
        work = BackgroundTask.wrap(() -> maps(p, images, indexes, cls, scale, method)).onSuccess(maps -> {
            for (int i = 0; i < indexes.size(); i++) {
                ImageView view = views.get(indexes.get(i));
                if (view != null) {
                    view.setImage(maps.get(i));
                }
            }
            note.setText(method[0] + " of \"" + p.classNames().get(cls) + "\", the class predicted: warm where the"
                    + " image raised its score most.");
        }).onFailure(f -> note.setText("No maps: " + f.message())).executeWith(compute);
    }

    /** Off the FX thread. Grad-CAM where the network has a convolution, else saliency. */
    private static List<Image> maps(Predictor p, ImageSet images, List<Integer> indexes, int cls, int scale,
                                    String[] method) {
        var explainer = new Explainer(p.model());
        ExplainMethod m = explainer.defaultLayer().isPresent() ? ExplainMethod.GRAD_CAM : ExplainMethod.SALIENCY;
        method[0] = m.label();
        List<Image> maps = new ArrayList<>();
        byte[] planar = new byte[images.imageSize()];
        int plane = images.height() * images.width();
        int c = images.channels();
        for (int index : indexes) {
            images.copyBytes(index, planar, 0);
            byte[] interleaved = new byte[planar.length];
            for (int q = 0; q < plane; q++) {
                for (int k = 0; k < c; k++) {
                    interleaved[q * c + k] = planar[k * plane + q];
                }
            }
            var e = explainer.explain(new DecodedImage("test image", images.width(), images.height(), c, interleaved),
                    m, null, cls);
            Overlay heat = Overlay.heat(e, scale);
            var image = new WritableImage(heat.width(), heat.height());
            image.getPixelWriter().setPixels(0, 0, heat.width(), heat.height(), PixelFormat.getIntArgbInstance(),
                    heat.argb(), 0, heat.width());
            maps.add(image);
        }
        return maps;
    }
}

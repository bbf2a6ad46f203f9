package org.dl4jworkbench.app.ui.editor;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * Zoom for the network canvas: Ctrl + mouse wheel, Ctrl+= and Ctrl+- (Ctrl+0: 100%), and a
 * small control in the canvas corner with -, +, Fit (every block in view) and 100%. The
 * content is scaled inside a Group, so the scroll pane scrolls what is shown.
 */
final class CanvasZoom {

    static final double MIN = 0.2;
    static final double MAX = 2;
    private static final double STEP = 1.2;

    private final ScrollPane scroll;
    private final Region content;
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final HBox controls = new HBox(2);

    CanvasZoom(ScrollPane scroll, Region content) {
        this.scroll = scroll;
        this.content = content;
        content.scaleXProperty().bind(zoom);
        content.scaleYProperty().bind(zoom);
        var out = button("-", "canvas-zoom-out", "Zoom out (Ctrl+-)", () -> set(zoom.get() / STEP));
        var in = button("+", "canvas-zoom-in", "Zoom in (Ctrl+=)", () -> set(zoom.get() * STEP));
        var fit = button("Fit", "canvas-fit", "Show every block", this::fit);
        var actual = button("100%", "canvas-actual", "Actual size (Ctrl+0)", () -> set(1));
        var level = new Label();
        level.setId("canvas-zoom");
        level.setMinWidth(40);
        level.setAlignment(Pos.CENTER);
        level.textProperty().bind(zoom.multiply(100).asString(Locale.ROOT, "%.0f%%"));
        controls.getChildren().setAll(out, level, in, fit, actual);
        controls.setAlignment(Pos.CENTER);
        controls.getStyleClass().add("canvas-zoom");
        controls.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        controls.setPickOnBounds(false);
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() && e.getDeltaY() != 0) {
                set(e.getDeltaY() > 0 ? zoom.get() * STEP : zoom.get() / STEP);
                e.consume();
            }
        });
    }

    /** The -, level, +, Fit and 100% control, for a corner of the canvas. */
    Node controls() {
        return controls;
    }

    DoubleProperty zoomProperty() {
        return zoom;
    }

    /** The canvas keys; true when the key was one of them. */
    boolean key(KeyEvent e) {
        if (!e.isShortcutDown()) {
            return false;
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.EQUALS || code == KeyCode.PLUS || code == KeyCode.ADD) {
            set(zoom.get() * STEP);
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            set(zoom.get() / STEP);
        } else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
            set(1);
        } else {
            return false;
        }
        return true;
    }

    /** Scales the content so that all of it fits the visible area (never above 100%), and scrolls to the top. */
    void fit() {
        Bounds view = scroll.getViewportBounds();
        Bounds all = content.getLayoutBounds();
        if (view.getWidth() <= 0 || view.getHeight() <= 0 || all.getWidth() <= 0 || all.getHeight() <= 0) {
            return;
        }
        set(Math.min(1, 0.98 * Math.min(view.getWidth() / all.getWidth(), view.getHeight() / all.getHeight())));
        scroll.layout();
        scroll.setVvalue(scroll.getVmin());
        scroll.setHvalue((scroll.getHmin() + scroll.getHmax()) / 2);
    }

    void set(double value) {
        zoom.set(Math.max(MIN, Math.min(MAX, value)));
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        var b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("small");
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}

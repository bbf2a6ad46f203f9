package org.dl4jworkbench.app.ui;

import javafx.animation.PauseTransition;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Gives a dialog the size its content asks for, centred on its owner, once it is on screen.
 * Under a window manager (openbox on Xvfb, checked by scripts/wm-check.sh) a dialog shown from
 * a callback right after another dialog closed kept the height GTK gave it before its content
 * was laid out (740x128 for New from template: no list, no OK/Cancel), even on JavaFX 25; the
 * size is asked for again after the window manager has mapped the window.
 */
public final class DialogSizing {

    /** When the size is checked again after the first pulse, in milliseconds. */
    private static final double[] AGAIN_MS = {150, 500, 1200, 2500};

    private DialogSizing() {
    }

    /** Call before {@code show}/{@code showAndWait}. */
    public static void fitOnShown(Dialog<?> dialog, Window owner) {
        fitOnShown(dialog, owner, () -> { });
    }

    /** ... and then runs {@code then} (a focus request: one made before the resize may be lost). */
    public static void fitOnShown(Dialog<?> dialog, Window owner, Runnable then) {
        dialog.showingProperty().addListener((obs, was, showing) -> {
            if (!showing) {
                return;
            }
            // on a later pulse, once the window manager has mapped the window (a size asked for
            // while it is being shown is the one that was lost); again a few times within two
            // seconds, as a loaded machine may map it later than the first pulse (the size only
            // ever grows to what the content asks for, so a user's own resize stays)
            var later = new PauseTransition(Duration.millis(1));
            later.setOnFinished(e -> {
                fit(dialog, owner);
                then.run();
            });
            later.play();
            for (double ms : AGAIN_MS) {
                var again = new PauseTransition(Duration.millis(ms));
                again.setOnFinished(e -> {
                    if (dialog.isShowing()) {
                        fit(dialog, owner);
                    }
                });
                again.play();
            }
        });
    }

    private static void fit(Dialog<?> dialog, Window owner) {
        var pane = dialog.getDialogPane();
        if (pane.getScene() == null || pane.getScene().getWindow() == null) {
            return;
        }
        Window window = pane.getScene().getWindow();
        double width = Math.max(window.getWidth(), pane.prefWidth(-1));
        double height = Math.max(window.getHeight(), pane.prefHeight(width));
        if (width == window.getWidth() && height == window.getHeight()) {
            return; // already as large as its content: leave where the user may have moved it
        }
        window.setWidth(width);
        window.setHeight(height);
        if (owner != null) {
            window.setX(owner.getX() + Math.max(0, (owner.getWidth() - width) / 2));
            window.setY(owner.getY() + Math.max(0, (owner.getHeight() - height) / 2));
        }
    }
}

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
            // while it is being shown is the one that was lost)
            var later = new PauseTransition(Duration.millis(1));
            later.setOnFinished(e -> {
                fit(dialog, owner);
                then.run();
            });
            later.play();
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
        window.setWidth(width);
        window.setHeight(height);
        if (owner != null) {
            window.setX(owner.getX() + Math.max(0, (owner.getWidth() - width) / 2));
            window.setY(owner.getY() + Math.max(0, (owner.getHeight() - height) / 2));
        }
    }
}

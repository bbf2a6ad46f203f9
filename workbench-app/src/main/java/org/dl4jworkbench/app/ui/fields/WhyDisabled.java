package org.dl4jworkbench.app.ui.fields;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * A control that says why it is disabled. A disabled control gets no mouse events, so its own
 * tooltip never shows: the pane holding it shows the reason instead.
 */
public final class WhyDisabled {

    private final Control control;
    private final StackPane holder;
    private final Tooltip why = new Tooltip();
    private String reason;

    public WhyDisabled(Control control) {
        this.control = control;
        this.holder = new StackPane(control);
    }

    /** The control in its holder: what goes into the layout. */
    public Node node() {
        return holder;
    }

    /** Disables the control where {@code disabled} or a {@code reason} is given; the reason shows over it. */
    public void disable(boolean disabled, String reason) {
        this.reason = reason;
        control.setDisable(disabled || reason != null);
        if (reason == null) {
            Tooltip.uninstall(holder, why);
        } else {
            why.setText(reason);
            Tooltip.install(holder, why);
        }
    }

    /** The reason shown, or null. */
    public String reason() {
        return reason;
    }
}

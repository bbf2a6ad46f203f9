package org.dl4jworkbench.app.ui.sweep;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.dl4jworkbench.core.sweep.SweepDefinition;
import org.dl4jworkbench.core.sweep.TrialState;

/** The columns of a sweep's trial table: the same as {@code ./workbench sweep} prints. */
final class TrialColumns {

    private TrialColumns() {
    }

    static void install(TableView<TrialState> table) {
        table.getColumns().add(column("Trial", TrialState::id, 70));
        table.getColumns().add(column("Settings", t -> SweepDefinition.describe(t.settings()), 330));
        table.getColumns().add(column("Epochs", t -> String.valueOf(t.epochs()), 60));
        table.getColumns().add(column("Val. accuracy", t -> t.validationAccuracy() == null ? "-"
                : String.format(Locale.ROOT, "%.2f%%", t.validationAccuracy() * 100), 100));
        table.getColumns().add(column("Status", t -> t.outcome() + (t.message().isEmpty() ? "" : ": " + t.message()),
                300));
        table.setPrefHeight(200);
        table.setPlaceholder(new Label("No trials yet"));
    }

    private static TableColumn<TrialState, String> column(String title, Function<TrialState, String> text,
                                                          double width) {
        var column = new TableColumn<TrialState, String>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(text.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}

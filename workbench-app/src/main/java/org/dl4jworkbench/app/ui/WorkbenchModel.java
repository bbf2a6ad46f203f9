package org.dl4jworkbench.app.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;

/**
 * The window's state: the network being looked at, its analysis (kept in step), and the
 * dataset it is meant for. Views bind to these properties; only the FX thread changes them.
 */
public final class WorkbenchModel {

    private final ObjectProperty<NetworkSpec> spec = new SimpleObjectProperty<>(this, "spec");
    private final ReadOnlyObjectWrapper<NetworkAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final StringProperty dataset = new SimpleStringProperty(this, "dataset", Datasets.DEFAULT);

    public WorkbenchModel() {
        spec.addListener((obs, old, now) -> analysis.set(now == null ? null : NetworkAnalyzer.analyze(now)));
        spec.set(Templates.find(Templates.DEFAULT).orElseThrow().spec());
    }

    public ObjectProperty<NetworkSpec> specProperty() {
        return spec;
    }

    public NetworkSpec spec() {
        return spec.get();
    }

    public ReadOnlyObjectProperty<NetworkAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public StringProperty datasetProperty() {
        return dataset;
    }
}

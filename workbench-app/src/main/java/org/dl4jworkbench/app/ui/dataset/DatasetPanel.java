package org.dl4jworkbench.app.ui.dataset;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.SkippedFile;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.data.catalog.Catalog;
import org.dl4jworkbench.core.data.catalog.CatalogEntry;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.pretrained.PretrainedEntry;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Template;

/**
 * The Dataset tab: choose a dataset (built in, catalogue, a folder, or a folder dropped on the
 * panel), see its classes per split, sample images per class, files that were skipped and why,
 * whether it fits the network (with a one-click fix), and how training data is prepared and
 * augmented, with a live preview; the catalogue's pretrained networks can be installed from
 * its sources too. Opening goes through {@link WorkbenchModel#loadDataset};
 * everything that reads images runs on the model's background executor.
 */
public final class DatasetPanel {

    public static final String ID = "dataset-panel";

    private final WorkbenchModel model;
    private final EditorModel editor;
    private final BorderPane root = new BorderPane();
    private final SourcesView sources;
    private final RequestNote request;
    private final List<CatalogEntry> entries;
    private final ScrollPane sourceScroll;
    private final Label name = new Label("No dataset yet");
    private final Label images = new Label();
    private final Label splits = new Label();
    private final OpeningStatus opening;
    private final MismatchBanner banner;
    private final Label skippedTitle = new Label();
    private final ListView<SkippedFile> skipped = new ListView<>();
    private final ClassCountsView counts;
    private final SamplesView samples;
    private final AugmentationView augmentation;
    private BackgroundTask<DatasetStats> stats;

    public DatasetPanel(WorkbenchModel model) {
        this(model, WorkbenchDirs.data(), Catalog.entries(), PretrainedCatalog.entries());
    }

    /** A panel whose catalogue is {@code entries} kept under {@code dataRoot}, with no networks. */
    public DatasetPanel(WorkbenchModel model, Path dataRoot, List<CatalogEntry> entries) {
        this(model, dataRoot, entries, List.of());
    }

    /** A panel whose catalogue is {@code entries} and {@code networks}, kept under {@code dataRoot}. */
    public DatasetPanel(WorkbenchModel model, Path dataRoot, List<CatalogEntry> entries,
                        List<PretrainedEntry> networks) {
        this.model = model;
        this.editor = model.editor();
        this.entries = entries;
        sources = new SourcesView(model.background(), dataRoot, entries, networks, model::loadDataset);
        request = new RequestNote(sources, model::loadDataset, model.background(), dataRoot);
        banner = new MismatchBanner(editor);
        samples = new SamplesView(model.background());
        counts = new ClassCountsView(samples::showClass);
        augmentation = new AugmentationView(editor, model.executors().compute()); // previews compute
        opening = new OpeningStatus(model);
        root.setId(ID);
        root.getStyleClass().add("dataset-panel");

        sourceScroll = new ScrollPane(sources.node());
        sourceScroll.setFitToWidth(true);
        sourceScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sourceScroll.setPrefWidth(240);
        sourceScroll.setMinWidth(200);
        sourceScroll.getStyleClass().add("dataset-sources-scroll");
        root.setLeft(sourceScroll);
        var centerScroll = new ScrollPane(content());
        centerScroll.setFitToWidth(true);
        root.setCenter(centerScroll);
        installDrop();

        model.datasetProperty().addListener((obs, old, d) -> showDataset(d));
        model.projectProperty().addListener((obs, old, p) -> {
            sources.showCurrent(p.dataset());
            DatasetRequest r = request.requestProperty().get();
            if (r != null && (r.satisfiedBy(p.dataset()) || !p.name().equals(old.name())
                    || !Objects.equals(p.folder(), old.folder()))) {
                request.clear();
            }
        });
        editor.specProperty().addListener((obs, old, now) -> {
            if (old != null && (old.data().validationSplit() != now.data().validationSplit()
                    || old.training().seed() != now.training().seed())) {
                refreshStats();
            }
        });
        sources.showCurrent(model.projectProperty().get().dataset());
        showDataset(model.datasetProperty().get());
    }

    public Node node() {
        return root;
    }

    /**
     * Asks for the dataset {@code template} needs where the one open now does not suit it: a
     * note with Download or Choose folder, the source marked and scrolled into view.
     *
     * @return whether there was something to ask
     */
    public boolean request(Template template) {
        Optional<DatasetRequest> r = DatasetRequest.forTemplate(template, model.projectProperty().get().dataset(),
                entries);
        r.ifPresent(this::request);
        return r.isPresent();
    }

    private void request(DatasetRequest r) {
        request.show(r);
        scrollTo(sources.focus(r.source()));
    }

    /** Marks the card of the pretrained network {@code id} and scrolls it into view: a run needs it installed. */
    public void showNetwork(String id) {
        sources.refresh(); // what of it is on disk now
        scrollTo(sources.focus(id));
    }

    private void scrollTo(Node source) {
        if (source != null) {
            sourceScroll.layout();
            double room = sources.node().getLayoutBounds().getHeight() - sourceScroll.getViewportBounds().getHeight();
            sourceScroll.setVvalue(room <= 0 ? 0 : Math.min(1, source.getBoundsInParent().getMinY() / room));
        }
    }

    /**
     * Opens a folder as a drop does: IDX files, CIFAR-10 batches, or class subfolders of images
     * (which it holds is read from disk, on the data executor).
     */
    public void openFolder(Path dir) {
        BackgroundTask.wrap(() -> FolderKind.specFor(dir)).onSuccess(model::loadDataset)
                .onFailure(f -> model.datasetErrorProperty().set(dir + ": " + f.message()))
                .executeWith(model.background());
    }

    private Node content() {
        name.setId("dataset-name");
        name.getStyleClass().add("dataset-name");
        images.setId("input-shape");
        splits.setId("split-sizes");
        var facts = new HBox(18, images, splits);
        facts.getStyleClass().add("dataset-facts");
        var header = new VBox(4, name, facts);

        skippedTitle.setId("skipped-title");
        skippedTitle.getStyleClass().add("section-title");
        skipped.setId("skipped-files");
        skipped.getStyleClass().add("skipped-files");
        var skippedBox = new VBox(4, skippedTitle, skipped);
        skippedBox.visibleProperty().bind(skippedTitle.textProperty().isNotEmpty());
        skippedBox.managedProperty().bind(skippedBox.visibleProperty());

        var classesTitle = new Label("Classes");
        classesTitle.getStyleClass().add("section-title");
        var classesHeader = new VBox(2, classesTitle, ClassCountsView.legend());
        var samplesHeader = new VBox(samples.header());
        for (VBox h : List.of(classesHeader, samplesHeader)) {
            h.setMinHeight(50);
            h.setPrefHeight(50);
        }
        var classes = new VBox(4, classesHeader, counts.node());
        var sampleColumn = new VBox(4, samplesHeader, samples.node());
        sampleColumn.setMinWidth(SamplesView.PER_CLASS * (SamplesView.THUMB + 4));
        var columns = new FlowPane(28, 16, new HBox(16, classes, sampleColumn), augmentation.node());
        columns.setAlignment(Pos.TOP_LEFT);
        columns.setRowValignment(javafx.geometry.VPos.TOP);

        var mismatch = new VBox(banner.node()); // a template's request says more than the mismatch
        mismatch.visibleProperty().bind(request.requestProperty().isNull().and(banner.node().visibleProperty()));
        mismatch.managedProperty().bind(mismatch.visibleProperty());
        var box = new VBox(12, header, request.node(), opening.loading(), opening.error(), mismatch, skippedBox,
                columns);
        box.setPadding(new Insets(14, 16, 16, 16));
        return box;
    }

    private void installDrop() {
        root.setOnDragOver(e -> {
            if (droppedFolder(e.getDragboard().getFiles()).isPresent()) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
                if (!root.getStyleClass().contains("drop-active")) {
                    root.getStyleClass().add("drop-active");
                }
            }
            e.consume();
        });
        root.setOnDragExited(e -> root.getStyleClass().remove("drop-active"));
        root.setOnDragDropped(e -> {
            Optional<Path> folder = droppedFolder(e.getDragboard().getFiles());
            folder.ifPresent(this::openFolder);
            e.setDropCompleted(folder.isPresent());
            e.consume();
        });
    }

    private static Optional<Path> droppedFolder(List<File> files) {
        return files == null ? Optional.empty() : files.stream().filter(File::isDirectory).map(File::toPath).findFirst();
    }

    private void showDataset(Dataset d) {
        banner.setDataset(d);
        augmentation.setDataset(d);
        samples.show(d);
        if (d == null) {
            name.setText("No dataset yet");
            images.setText("");
            splits.setText("");
            skippedTitle.setText("");
            skipped.getItems().clear();
            return;
        }
        name.setText(d.name());
        images.setText("Images: " + DatasetStats.imagesText(d) + ", " + d.classNames().size() + " classes");
        List<SkippedFile> files = d.report().skipped();
        skipped.getItems().setAll(files);
        skipped.setPrefHeight(Math.min(files.size(), 6) * 26 + 4);
        skippedTitle.setText(files.isEmpty() ? "" : files.size() == 1 ? "1 file skipped"
                : String.format(Locale.ROOT, "%,d files skipped", files.size()));
        refreshStats();
    }

    /** Counts per class and split, for the current dataset and validation share, in the background. */
    private void refreshStats() {
        Dataset d = model.datasetProperty().get();
        if (stats != null) {
            stats.cancel(); // counts for an older dataset or share are dropped
        }
        if (d == null) {
            counts.show(new DatasetStats("", "", List.of(), 0, 0, 0));
            return;
        }
        NetworkSpec spec = editor.spec();
        double share = spec.data().validationSplit();
        long seed = spec.training().seed();
        stats = BackgroundTask.wrap(() -> DatasetStats.of(d, share, seed)).onSuccess(s -> {
            counts.show(s);
            splits.setText(String.format(Locale.ROOT, "Training %,d · validation %,d · test %,d images",
                    s.train(), s.validation(), s.test()));
        }).onFailure(f -> splits.setText("Could not count the images per class: " + f.message()))
                .executeWith(model.background());
    }

}

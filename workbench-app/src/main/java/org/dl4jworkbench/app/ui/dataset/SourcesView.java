package org.dl4jworkbench.app.ui.dataset;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.catalog.CatalogEntry;
import org.dl4jworkbench.core.data.catalog.Downloadable;
import org.dl4jworkbench.core.data.catalog.LocalCopy;
import org.dl4jworkbench.core.pretrained.PretrainedEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a dataset comes from: the built-in MNIST subset, the catalogue's datasets (each a
 * {@link CatalogCard}: downloaded in the background with progress and Cancel; where that
 * fails, the message says where to put the files by hand), or a folder of IDX files, CIFAR-10 batches or class subfolders of images.
 * Choosing one hands its dataset SPEC to {@code open}. Below them, the pretrained networks of the
 * catalogue, to install for transfer learning (nothing to open here).
 */
final class SourcesView {

    static final String ID = "dataset-source";
    private static final Logger LOG = LoggerFactory.getLogger(SourcesView.class);

    private final Executor background;
    private final Path dataRoot;
    private final List<Downloadable> entries;
    private final Consumer<String> open;
    private final VBox root = new VBox(10);
    private final Map<String, CatalogCard> cards = new HashMap<>();
    private final VBox builtInCard = new VBox(4);
    private final Map<String, Node> folderButtons = new HashMap<>();
    private File lastFolder;

    SourcesView(Executor background, Path dataRoot, List<CatalogEntry> entries, List<PretrainedEntry> networks,
                Consumer<String> open) {
        this.background = background;
        this.dataRoot = dataRoot;
        this.entries = Stream.concat(entries.stream(), networks.stream()).map(Downloadable.class::cast).toList();
        this.open = open;
        root.setId(ID);
        root.getStyleClass().add("dataset-sources");

        var title = new Label("Source");
        title.getStyleClass().add("section-title");
        var builtIn = new Label("MNIST subset (built in)");
        builtIn.getStyleClass().add("source-title");
        var builtInText = new Label("10,000 training and 2,000 test images of MNIST's handwritten digits, 28x28 "
                + "gray, always at hand");
        builtInText.setWrapText(true);
        builtInText.getStyleClass().add("hint");
        var openBuiltIn = new Button("Open");
        openBuiltIn.setId("source-" + Datasets.DEFAULT);
        openBuiltIn.setOnAction(e -> open.accept(Datasets.DEFAULT));
        builtInCard.getChildren().setAll(builtIn, builtInText, openBuiltIn);
        builtInCard.getStyleClass().add("source-card");
        root.getChildren().addAll(title, builtInCard);

        var foldersTitle = new Label("From a folder");
        foldersTitle.getStyleClass().add("section-title");
        var idx = folderButton("open-idx", "Open IDX folder...", "MNIST-format IDX files", "idx:");
        var cifar = folderButton("open-cifar10", "Open CIFAR-10 folder...", "CIFAR-10 binary batches", "cifar10:");
        var images = folderButton("open-folder", "Open image folder...", "one subfolder of images per class",
                "folder:");
        var drop = new Label("or drop a folder here: one subfolder of images per class (cats/, dogs/, ...)");
        drop.setWrapText(true);
        drop.getStyleClass().addAll("drop-hint", "dataset-drop");
        drop.setId("dataset-drop");
        drop.setMaxWidth(Double.MAX_VALUE);
        root.getChildren().addAll(foldersTitle, idx, cifar, images, drop);

        var catalogTitle = new Label("Catalogue");
        catalogTitle.getStyleClass().add("section-title");
        root.getChildren().add(catalogTitle);
        for (CatalogEntry entry : entries) {
            addCard(new CatalogCard(entry, entry.name(), entry.description(), dataRoot, background, open,
                    this::refresh), entry);
        }
        if (!networks.isEmpty()) {
            var networksTitle = new Label("Pretrained networks");
            networksTitle.getStyleClass().add("section-title");
            root.getChildren().add(networksTitle);
        }
        for (PretrainedEntry network : networks) {
            addCard(new CatalogCard(network, network.title(), network.description() + ". Licence "
                    + network.licence() + "; kept in " + network.folder(dataRoot) + ".", dataRoot, background, null,
                    this::refresh), network);
        }
        refresh();
    }

    private void addCard(CatalogCard card, Downloadable entry) {
        cards.put(entry.name(), card);
        root.getChildren().add(card.node());
    }

    Node node() {
        return root;
    }

    /** Marks the card of the dataset now in use. */
    void showCurrent(String spec) {
        cards.values().forEach(c -> c.node().getStyleClass().remove("source-current"));
        builtInCard.getStyleClass().remove("source-current");
        if (Datasets.DEFAULT.equals(spec)) {
            builtInCard.getStyleClass().add("source-current");
        } else if (cards.containsKey(spec)) {
            cards.get(spec).node().getStyleClass().add("source-current");
        }
    }

    /**
     * Marks the source a template asks for ({@code folder} or a catalogue name) and returns its
     * node, to be scrolled into view; null clears the mark.
     */
    Node focus(String source) {
        root.getChildren().forEach(n -> n.getStyleClass().remove("source-requested"));
        Node node = source == null ? null : cards.containsKey(source) ? cards.get(source).node()
                : folderButtons.get(source + ":");
        if (node != null) {
            node.getStyleClass().add("source-requested");
        }
        return node;
    }

    /** Downloads the catalogue entry {@code name} (or opens it, where it is already here). */
    void download(String name) {
        CatalogCard card = cards.get(name);
        if (card != null && !card.downloading()) {
            card.act();
        }
    }

    /** Asks for a folder, as the "Open ... folder" buttons do; {@code form} is {@code folder:}, {@code cifar10:} ... */
    void chooseFolder(String form) {
        Node button = folderButtons.get(form);
        if (button instanceof Button b) {
            b.fire();
        }
    }

    /** Reads what of each catalogue entry is on disk (small files, in the background). */
    void refresh() {
        BackgroundTask.wrap(() -> entries.stream().map(e -> LocalCopy.of(e, dataRoot)).toList())
                .onSuccess(copies -> copies.forEach(copy -> cards.get(copy.entry().name()).show(copy)))
                .onFailure(f -> LOG.warn("could not read which catalogue datasets are on disk: {}", f.message()))
                .executeWith(background);
    }

    private Button folderButton(String id, String text, String what, String form) {
        var button = new Button(text);
        button.setId(id);
        button.setMaxWidth(Double.MAX_VALUE);
        folderButtons.put(form, button);
        button.setOnAction(e -> {
            var chooser = new DirectoryChooser();
            chooser.setTitle("Choose a folder of " + what);
            if (lastFolder != null && lastFolder.isDirectory()) {
                chooser.setInitialDirectory(lastFolder);
            }
            File dir = chooser.showDialog(root.getScene().getWindow());
            if (dir != null) {
                lastFolder = dir.getParentFile();
                open.accept(form + dir.toPath());
            }
        });
        return button;
    }
}

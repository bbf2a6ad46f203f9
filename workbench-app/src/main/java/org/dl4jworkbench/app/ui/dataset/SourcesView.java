package org.dl4jworkbench.app.ui.dataset;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.catalog.ByteSize;
import org.dl4jworkbench.core.data.catalog.CatalogEntry;
import org.dl4jworkbench.core.data.catalog.DownloadException;
import org.dl4jworkbench.core.data.catalog.DownloadProgress;
import org.dl4jworkbench.core.data.catalog.Downloader;
import org.dl4jworkbench.core.data.catalog.LocalCopy;

/**
 * Where a dataset comes from: the built-in MNIST subset, the catalogue's datasets (downloaded
 * in the background with progress and Cancel; where that fails, the message says where to put
 * the files by hand), or a folder of IDX files, CIFAR-10 batches or class subfolders of images.
 * Choosing one hands its dataset SPEC to {@code open}.
 */
final class SourcesView {

    static final String ID = "dataset-source";
    private static final String CANCELLED = "Download cancelled. What was fetched is kept: the next download "
            + "resumes it.";

    private final Executor background;
    private final Path dataRoot;
    private final List<CatalogEntry> entries;
    private final Consumer<String> open;
    private final VBox root = new VBox(10);
    private final Map<String, Card> cards = new HashMap<>();
    private final VBox builtInCard = new VBox(4);
    private final Map<String, Node> folderButtons = new HashMap<>();
    private File lastFolder;

    /** A catalogue entry's card: its state, its button, and its download's progress or failure. */
    private final class Card {
        final CatalogEntry entry;
        final VBox box = new VBox(4);
        final Label state = new Label("Checking ...");
        final Button action = new Button("Download");
        final ProgressBar progress = new ProgressBar(0);
        final Label progressText = new Label();
        final Button cancel = new Button("Cancel");
        final TextArea error = new TextArea();
        final Label errorTitle = new Label("Download failed");
        LocalCopy copy;
        Task<Path> download;

        Card(CatalogEntry entry) {
            this.entry = entry;
            var title = new Label(entry.name());
            title.getStyleClass().add("source-title");
            var description = new Label(entry.description());
            description.setWrapText(true);
            description.getStyleClass().add("hint");
            state.setId("catalog-state-" + entry.name());
            state.getStyleClass().add("hint");
            state.setWrapText(true);
            action.setId("catalog-" + entry.name());
            action.setDisable(true);
            action.setOnAction(e -> act());
            progress.setId("catalog-progress-" + entry.name());
            progress.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(progress, Priority.ALWAYS);
            cancel.setId("catalog-cancel-" + entry.name());
            cancel.getStyleClass().add("small");
            cancel.setOnAction(e -> {
                if (download != null) {
                    download.cancel(false);
                }
            });
            progressText.getStyleClass().add("hint");
            progressText.setWrapText(true);
            error.setId("catalog-error-" + entry.name());
            error.setEditable(false);
            error.setWrapText(true);
            error.setPrefRowCount(10);
            error.getStyleClass().add("download-error");
            errorTitle.getStyleClass().add("download-error-title");
            box.getStyleClass().add("source-card");
            box.getChildren().setAll(title, description, state, action);
        }

        void show(LocalCopy now) {
            copy = now;
            state.setText(now.describe());
            action.setDisable(false);
            action.setText(switch (now.state()) {
                case VERIFIED, UNCHECKED -> "Open";
                case PARTIAL -> "Resume download";
                case MISSING -> "Download (" + ByteSize.format(entry.downloadSize()) + ")";
            });
        }

        void act() {
            if (copy != null && (copy.state() == LocalCopy.State.VERIFIED || copy.state() == LocalCopy.State.UNCHECKED)) {
                open.accept(entry.name());
            } else {
                startDownload();
            }
        }

        void startDownload() {
            Task<Path> task = new Task<>() {
                @Override
                protected Path call() throws Exception {
                    DownloadProgress progress = new DownloadProgress() {
                        @Override
                        public void update(String file, long done, long total) {
                            updateProgress(done, total > 0 ? total : -1);
                            updateMessage(file + ": " + ByteSize.format(done)
                                    + (total > 0 ? " of " + ByteSize.format(total) : ""));
                        }

                        @Override
                        public void step(String message) {
                            updateMessage(message);
                        }
                    };
                    return new Downloader(dataRoot, progress, this::isCancelled).download(entry);
                }
            };
            download = task;
            progress.progressProperty().bind(task.progressProperty());
            progressText.textProperty().bind(task.messageProperty());
            action.setDisable(true);
            var bar = new HBox(6, progress, cancel);
            bar.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().removeAll(errorTitle, error);
            box.getChildren().addAll(bar, progressText);
            task.setOnSucceeded(e -> {
                finished(bar, null);
                open.accept(entry.name());
            });
            task.setOnCancelled(e -> finished(bar, CANCELLED));
            task.setOnFailed(e -> {
                Throwable t = task.getException();
                finished(bar, t instanceof DownloadException ? t.getMessage()
                        : t instanceof IOException ? "Could not save " + entry.name() + " in " + entry.folder(dataRoot)
                        + ": " + t.getMessage() : "Download failed: " + t);
            });
            background.execute(task);
        }

        private static String headline(String message) {
            return message.equals(CANCELLED) ? "Cancelled" : "Download failed";
        }

        void finished(Node bar, String message) {
            progress.progressProperty().unbind();
            progressText.textProperty().unbind();
            box.getChildren().removeAll(bar, progressText);
            download = null;
            if (message != null) {
                errorTitle.setText(headline(message));
                error.setText(message);
                box.getChildren().addAll(errorTitle, error);
            }
            refresh();
        }
    }

    SourcesView(Executor background, Path dataRoot, List<CatalogEntry> entries, Consumer<String> open) {
        this.background = background;
        this.dataRoot = dataRoot;
        this.entries = entries;
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
            var card = new Card(entry);
            cards.put(entry.name(), card);
            root.getChildren().add(card.box);
        }
        refresh();
    }

    Node node() {
        return root;
    }

    /** Marks the card of the dataset now in use. */
    void showCurrent(String spec) {
        cards.values().forEach(c -> c.box.getStyleClass().remove("source-current"));
        builtInCard.getStyleClass().remove("source-current");
        if (Datasets.DEFAULT.equals(spec)) {
            builtInCard.getStyleClass().add("source-current");
        } else if (cards.containsKey(spec)) {
            cards.get(spec).box.getStyleClass().add("source-current");
        }
    }

    /**
     * Marks the source a template asks for ({@code folder} or a catalogue name) and returns its
     * node, to be scrolled into view; null clears the mark.
     */
    Node focus(String source) {
        root.getChildren().forEach(n -> n.getStyleClass().remove("source-requested"));
        Node node = source == null ? null : cards.containsKey(source) ? cards.get(source).box
                : folderButtons.get(source + ":");
        if (node != null) {
            node.getStyleClass().add("source-requested");
        }
        return node;
    }

    /** Downloads the catalogue entry {@code name} (or opens it, where it is already here). */
    void download(String name) {
        Card card = cards.get(name);
        if (card != null && card.download == null) {
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
        Task<List<LocalCopy>> task = new Task<>() {
            @Override
            protected List<LocalCopy> call() {
                return entries.stream().map(e -> LocalCopy.of(e, dataRoot)).toList();
            }
        };
        task.setOnSucceeded(e -> task.getValue().forEach(copy -> cards.get(copy.entry().name()).show(copy)));
        background.execute(task);
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

package org.dl4jworkbench.app.ui.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.app.ui.task.Failure;
import org.dl4jworkbench.core.data.catalog.ByteSize;
import org.dl4jworkbench.core.data.catalog.CatalogEntry;
import org.dl4jworkbench.core.data.catalog.DownloadException;
import org.dl4jworkbench.core.data.catalog.DownloadProgress;
import org.dl4jworkbench.core.data.catalog.Downloader;
import org.dl4jworkbench.core.data.catalog.LocalCopy;

/**
 * A catalogue entry's card in the sources: what of it is on disk, its button (Open, Download,
 * Resume download), and while it downloads (on the data executor) its progress, a few times
 * a second, with Cancel; after a failure, the message, which says where to put the files by
 * hand.
 */
final class CatalogCard {

    static final String CANCELLED = "Download cancelled. What was fetched is kept: the next download "
            + "resumes it.";

    private final CatalogEntry entry;
    private final Path dataRoot;
    private final Executor background;
    private final Consumer<String> open;
    private final Runnable refresh;
    private final VBox box = new VBox(4);
    private final Label state = new Label("Checking ...");
    private final Button action = new Button("Download");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Button cancel = new Button("Cancel");
    private final TextArea error = new TextArea();
    private final Label errorTitle = new Label("Download failed");
    private LocalCopy copy;
    private BackgroundTask<Path> download;

    /**
     * @param open    opens the entry's dataset (by its name) once it is here
     * @param refresh reads again what of every entry is on disk
     */
    CatalogCard(CatalogEntry entry, Path dataRoot, Executor background, Consumer<String> open, Runnable refresh) {
        this.entry = entry;
        this.dataRoot = dataRoot;
        this.background = background;
        this.open = open;
        this.refresh = refresh;
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
                download.cancel();
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

    Node node() {
        return box;
    }

    boolean downloading() {
        return download != null;
    }

    /** Shows what of the entry is on disk now. */
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

    /** Opens the dataset where it is here, else downloads it. */
    void act() {
        if (copy != null && (copy.state() == LocalCopy.State.VERIFIED || copy.state() == LocalCopy.State.UNCHECKED)) {
            open.accept(entry.name());
        } else {
            startDownload();
        }
    }

    private void startDownload() {
        action.setDisable(true);
        progress.setProgress(0);
        progressText.setText("");
        var bar = new HBox(6, progress, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().removeAll(errorTitle, error);
        box.getChildren().addAll(bar, progressText);
        download = BackgroundTask.wrapWithContext(context -> {
            DownloadProgress reports = new DownloadProgress() {
                @Override
                public void update(String file, long done, long total) { // the phase is the line shown
                    context.progress(file + ": " + ByteSize.format(done) + (total > 0 ? " of "
                            + ByteSize.format(total) : ""), done, Math.max(total, 0));
                }

                @Override
                public void step(String message) {
                    context.progress(message, 0, 0);
                }
            };
            return new Downloader(dataRoot, reports, context::isCancelled).download(entry);
        }).onProgress(p -> {
            progress.setProgress(p.fraction());
            progressText.setText(p.phase());
        }).onSuccess(folder -> {
            finished(bar, null);
            open.accept(entry.name());
        }).onCancelled(() -> finished(bar, CANCELLED))
                .onFailure(f -> finished(bar, message(f)))
                .executeWith(background);
    }

    private String message(Failure f) {
        Throwable t = f.error();
        return t instanceof DownloadException ? t.getMessage() : t instanceof IOException ? "Could not save "
                + entry.name() + " in " + entry.folder(dataRoot) + ": " + f.message() : "Download failed: " + f.message();
    }

    private void finished(Node bar, String message) {
        box.getChildren().removeAll(bar, progressText);
        download = null;
        if (message != null) {
            errorTitle.setText(message.equals(CANCELLED) ? "Cancelled" : "Download failed");
            error.setText(message);
            box.getChildren().addAll(errorTitle, error);
        }
        refresh.run();
    }
}

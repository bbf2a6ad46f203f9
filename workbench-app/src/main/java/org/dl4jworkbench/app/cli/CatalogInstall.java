package org.dl4jworkbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.dl4jworkbench.core.data.catalog.DownloadException;
import org.dl4jworkbench.core.data.catalog.Downloadable;
import org.dl4jworkbench.core.data.catalog.Downloader;
import org.dl4jworkbench.core.data.catalog.LocalCopy;

/**
 * What {@code datasets download} and {@code models download} share: fetch (or check a copy
 * put there by hand), with the progress bar on {@code err}, and say what failed there.
 */
final class CatalogInstall {

    /** Where the entry is installed, and whether it was already, verified, before this command. */
    record Installed(Path folder, boolean already) {
    }

    private CatalogInstall() {
    }

    /** @return the installed entry, or empty where it failed (said on {@code err}: exit 1) */
    static Optional<Installed> run(Downloadable entry, Path root, PrintWriter err) {
        boolean already = LocalCopy.of(entry, root).state() == LocalCopy.State.VERIFIED;
        var bar = new DownloadProgressBar(err, System.console() != null);
        try {
            Path folder = new Downloader(root, bar, null).download(entry);
            bar.finish();
            return Optional.of(new Installed(folder, already));
        } catch (DownloadException e) {
            bar.finish();
            err.println("error: " + e.getMessage());
        } catch (IOException e) {
            bar.finish();
            err.println("error: could not save " + entry.name() + " in " + entry.folder(root) + ": " + e.getMessage()
                    + " (" + e.getClass().getSimpleName() + ")");
        }
        return Optional.empty();
    }
}

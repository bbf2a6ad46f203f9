package org.dl4jworkbench.app.ui.dataset;

import java.util.List;
import java.util.Optional;
import org.dl4jworkbench.core.data.catalog.ByteSize;
import org.dl4jworkbench.core.data.catalog.CatalogEntry;
import org.dl4jworkbench.core.spec.Template;

/**
 * What a template needs that the dataset open now is not: CIFAR-10 (from the catalogue, or a
 * folder of its batches) or a folder of photos with one subfolder per class. The Dataset tab
 * shows {@link #text()} with the ways to get it, and forgets the request once a dataset of that
 * kind is open. No JavaFX here.
 *
 * @param source    {@code cifar10} (a catalogue name) or {@code folder}
 * @param catalogue the catalogue entry that provides it, or null
 */
public record DatasetRequest(String source, String text, CatalogEntry catalogue) {

    public static final String FOLDER = "folder";

    /** The request for {@code template} while {@code currentDataset} (a dataset SPEC) is open; empty when it fits. */
    public static Optional<DatasetRequest> forTemplate(Template template, String currentDataset,
                                                       List<CatalogEntry> entries) {
        return switch (template.dataset()) {
            case "cifar10" -> currentDataset.startsWith("cifar10") ? Optional.empty()
                    : entries.stream().filter(e -> e.name().equals("cifar10")).findFirst().map(entry ->
                            new DatasetRequest(entry.name(), template.title() + " trains on CIFAR-10: download it ("
                                    + ByteSize.format(entry.downloadSize()) + ") or choose the folder of CIFAR-10 "
                                    + "binary batches you have.", entry));
            case FOLDER -> currentDataset.startsWith("folder:") ? Optional.empty()
                    : Optional.of(new DatasetRequest(FOLDER, template.title() + " needs a folder of photos, one "
                    + "subfolder per class (cats/, dogs/, ...): choose a folder, or drop one on this tab.", null));
            default -> Optional.empty();
        };
    }

    /** Whether the dataset {@code spec} is of the kind asked for. */
    public boolean satisfiedBy(String spec) {
        return catalogue != null ? spec.startsWith(source) : spec.startsWith("folder:");
    }

    /** The dataset SPEC prefix for a folder the user chooses: {@code cifar10:} or {@code folder:}. */
    public String folderForm() {
        return catalogue != null ? catalogue.format() + ":" : "folder:";
    }
}

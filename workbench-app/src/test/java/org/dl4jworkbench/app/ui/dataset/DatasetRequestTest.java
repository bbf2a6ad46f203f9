package org.dl4jworkbench.app.ui.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dl4jworkbench.core.data.catalog.Catalog;
import org.dl4jworkbench.core.data.catalog.CatalogEntry;
import org.dl4jworkbench.core.spec.Template;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.Test;

/** Which templates ask for which data, without JavaFX. */
class DatasetRequestTest {

    private static final List<CatalogEntry> ENTRIES = List.of(Catalog.MNIST, Catalog.CIFAR10);

    private static Template template(String id) {
        return Templates.find(id).orElseThrow();
    }

    @Test
    void cifarTemplatesAskForCifarUnlessCifarIsOpen() {
        var r = DatasetRequest.forTemplate(template("cifar10-small"), "mnist-mini", ENTRIES).orElseThrow();
        assertThat(r.source()).isEqualTo("cifar10");
        assertThat(r.catalogue()).isEqualTo(Catalog.CIFAR10);
        assertThat(r.folderForm()).isEqualTo("cifar10:");
        assertThat(r.text()).startsWith("Small CNN (CIFAR-10) trains on CIFAR-10: download it (");
        assertThat(r.satisfiedBy("cifar10")).isTrue();
        assertThat(r.satisfiedBy("cifar10:/data/cifar-10-batches-bin")).isTrue();
        assertThat(r.satisfiedBy("mnist")).isFalse();
        assertThat(DatasetRequest.forTemplate(template("cifar10-cnn"), "cifar10:/x", ENTRIES)).isEmpty();
    }

    @Test
    void catsVsDogsAsksForAFolderOfPhotosUnlessOneIsOpen() {
        var r = DatasetRequest.forTemplate(template("cats-dogs"), "mnist", ENTRIES).orElseThrow();
        assertThat(r.source()).isEqualTo(DatasetRequest.FOLDER);
        assertThat(r.catalogue()).isNull();
        assertThat(r.folderForm()).isEqualTo("folder:");
        assertThat(r.text()).startsWith("Cats vs dogs needs a folder of photos, one subfolder per class");
        assertThat(r.satisfiedBy("folder:/photos")).isTrue();
        assertThat(r.satisfiedBy("cifar10")).isFalse();
        assertThat(DatasetRequest.forTemplate(template("cats-dogs"), "folder:/photos", ENTRIES)).isEmpty();
    }

    @Test
    void mnistTemplatesAskForNothing() {
        for (String id : List.of("mlp", "lenet", "mnist-cnn")) {
            assertThat(DatasetRequest.forTemplate(template(id), "mnist-mini", ENTRIES)).as(id).isEmpty();
        }
    }
}

package org.dl4jworkbench.app.ui.layers;

import java.util.List;
import javafx.scene.image.Image;
import org.dl4jworkbench.app.ui.predict.Images;
import org.dl4jworkbench.core.inspect.FilterImages;
import org.dl4jworkbench.core.inspect.LayerOutput;
import org.dl4jworkbench.core.inspect.NetworkInspection;

/**
 * An inspection ready to show: the core's {@link NetworkInspection} with its pictures already
 * made (in the background: a layer of 64 maps is thousands of pixels to write), and what model
 * it came from ({@code model}, as the prediction pane describes it).
 */
record LayersShown(NetworkInspection inspection, String model, Image input, List<List<Image>> maps,
                   List<Image> filters) {

    LayersShown {
        maps = List.copyOf(maps);
        filters = List.copyOf(filters);
    }

    /** Makes the pictures; runs off the FX thread. */
    static LayersShown of(NetworkInspection inspection, String model) {
        int zoom = Math.max(1, 112 / Math.max(inspection.height(), inspection.width()));
        Image input = Images.fromPlanar(inspection.networkInput(), inspection.height(), inspection.width(),
                inspection.channels(), zoom);
        List<List<Image>> maps = inspection.layers().stream()
                .map(l -> l.maps().stream().map(m -> (Image) LayerImages.map(m)).toList()).toList();
        List<Image> filters = inspection.firstFilters().map(LayersShown::filters).orElse(List.of());
        return new LayersShown(inspection, model, input, maps, filters);
    }

    private static List<Image> filters(FilterImages f) {
        return java.util.stream.IntStream.range(0, f.images().size())
                .mapToObj(i -> (Image) LayerImages.filter(f, i, 36)).toList();
    }

    /** Layer {@code i}'s map pictures, in the order of its maps. */
    List<Image> mapsOf(int i) {
        return maps.get(i);
    }

    List<LayerOutput> layers() {
        return inspection.layers();
    }
}

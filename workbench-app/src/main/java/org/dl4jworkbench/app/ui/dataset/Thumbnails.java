package org.dl4jworkbench.app.ui.dataset;

import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.dl4jworkbench.app.ui.predict.Images;
import org.dl4jworkbench.core.data.ImageSet;

/** Dataset images as JavaFX images (made off the FX thread) and views of them at a fixed size. */
final class Thumbnails {

    private Thumbnails() {
    }

    /** Image {@code position} of {@code set} at its own size. */
    static Image of(ImageSet set, int position) {
        byte[] pixels = new byte[set.imageSize()];
        set.copyBytes(position, pixels, 0);
        return of(pixels, set);
    }

    static Image of(byte[] pixels, ImageSet set) {
        return Images.fromPlanar(pixels, set.height(), set.width(), set.channels(), 1);
    }

    /**
     * A view {@code size} pixels on its longer side: small images (digits) are scaled up
     * without smoothing so their pixels stay crisp, larger ones are scaled down smoothly.
     */
    static ImageView view(Image image, double size) {
        var view = new ImageView(image);
        view.setPreserveRatio(true);
        if (image.getWidth() >= image.getHeight()) {
            view.setFitWidth(size);
        } else {
            view.setFitHeight(size);
        }
        view.setSmooth(Math.max(image.getWidth(), image.getHeight()) > size);
        view.getStyleClass().add("sample");
        return view;
    }
}

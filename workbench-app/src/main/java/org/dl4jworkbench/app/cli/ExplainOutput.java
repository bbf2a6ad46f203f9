package org.dl4jworkbench.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.dl4jworkbench.app.explain.Overlay;
import org.dl4jworkbench.app.explain.OverlayPng;
import org.dl4jworkbench.core.data.image.ImageDecodeException;
import org.dl4jworkbench.core.explain.ExplainException;
import org.dl4jworkbench.core.explain.ExplainMethod;
import org.dl4jworkbench.core.explain.Explainer;
import org.dl4jworkbench.core.explain.Explanation;
import org.dl4jworkbench.core.model.LoadedModel;

/**
 * {@code predict --explain DIR}: a heat map per image, drawn over the image as the network
 * saw it and written as {@code DIR/NAME.METHOD.png}. The folder, the method and the layer are
 * checked before the first image, so a typo costs no waiting.
 */
final class ExplainOutput {

    /** The heat covers at most 70% where hottest: the image stays readable under it. */
    static final double OPACITY = 0.7;

    private final Path dir;
    private final ExplainMethod method;
    private final String layer;
    private final Explainer explainer;
    private final Set<String> used = new HashSet<>();

    private ExplainOutput(Path dir, ExplainMethod method, String layer, Explainer explainer) {
        this.dir = dir;
        this.method = method;
        this.layer = layer;
        this.explainer = explainer;
    }

    /** @throws UserError for a folder that cannot be written, an unknown method or layer, Grad-CAM without convolutions */
    static ExplainOutput open(Path dir, String methodName, String layer, LoadedModel model) throws UserError {
        ExplainMethod method = ExplainMethod.byKey(methodName).orElseThrow(() -> new UserError("--method: unknown method '"
                + methodName + "'; use gradcam or saliency"));
        var explainer = new Explainer(model);
        try {
            explainer.layerFor(method, layer);
        } catch (ExplainException e) {
            throw new UserError((layer == null ? "--method " + method.key() : "--layer") + ": " + e.getMessage());
        }
        if (layer != null && method == ExplainMethod.SALIENCY) {
            throw new UserError("--layer is for Grad-CAM; a saliency map is always taken at the input (drop --layer,"
                    + " or use --method gradcam)");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError("--explain: cannot create the folder " + dir + " (" + reason(e)
                    + "); name a folder you can write to");
        }
        if (!Files.isWritable(dir)) {
            throw new UserError("--explain: cannot write into the folder " + dir
                    + " (no permission); name a folder you can write to");
        }
        return new ExplainOutput(dir, method, layer, explainer);
    }

    /**
     * @return the PNG written and the explanation
     * @throws UserError where the chosen layer turns out to have no feature maps (a dense layer)
     */
    Written write(Path image) throws IOException, ImageDecodeException, UserError {
        Explanation e;
        try {
            e = explainer.explain(image, method, layer, null);
        } catch (ExplainException ex) {
            throw new UserError("--layer: " + ex.getMessage());
        }
        Path file = dir.resolve(uniqueName(image));
        try {
            OverlayPng.write(Overlay.of(e, OPACITY), file);
        } catch (IOException ex) {
            throw new IOException("cannot write " + file + " (" + reason(ex) + ")", ex);
        }
        return new Written(file, e);
    }

    record Written(Path file, Explanation explanation) {
        String describe() {
            return String.format(Locale.ROOT, "%s of class %s on %s: %s", explanation.method().label(),
                    explanation.target().name(), explanation.layer(), file);
        }
    }

    /** "digit.png" gives "digit.gradcam.png"; a second "digit.png" from another folder "digit-2.gradcam.png". */
    private String uniqueName(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String candidate = base;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate + "." + method.key() + ".png";
    }

    private static String reason(IOException e) {
        String type = e.getClass().getSimpleName();
        return switch (type) {
            case "AccessDeniedException" -> "no permission";
            case "FileAlreadyExistsException" -> "a file of that name is in the way";
            case "FileSystemException" -> e.getMessage();
            default -> e.getMessage() == null ? type : e.getMessage();
        };
    }
}

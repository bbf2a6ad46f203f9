package org.dl4jworkbench.core.pretrained;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dl4jworkbench.core.data.catalog.Downloadable;
import org.dl4jworkbench.core.data.catalog.RemoteFile;

/**
 * A pretrained network the workbench can download: what it is (title, description, licence,
 * where its weights come from), what it takes (an image of {@code input}'s size, pixels scaled
 * by {@code scaling}), what it tells (the class names in the resource {@code classesResource},
 * in output order) and the model file. It lives in {@code DATA/models/ID}, where DATA is
 * usually {@link org.dl4jworkbench.core.data.WorkbenchDirs#data()}; datasets live beside
 * {@code models/} under their own names.
 *
 * @param file the model file, kept as downloaded; its size and SHA-256 are exact
 */
public record PretrainedEntry(String id, String title, String description, String licence, String provenance,
                              Input input, Scaling scaling, String classesResource, int classCount, RemoteFile file)
        implements Downloadable {

    /** The folder under the data folder that holds every network, one subfolder each. */
    public static final String MODELS = "models";

    /** The image a network takes: height and width in pixels, and channels (3: RGB). */
    public record Input(int height, int width, int channels) {

        public Input {
            if (height < 1 || width < 1 || channels < 1) {
                throw new IllegalArgumentException("an input is at least 1x1x1, not " + height + "x" + width + "x"
                        + channels);
            }
        }

        /** "224x224x3". */
        @Override
        public String toString() {
            return height + "x" + width + "x" + channels;
        }
    }

    /** How a pixel value x (0 to 255) becomes network input: {@code x / divisor + offset}. */
    public record Scaling(double divisor, double offset) {

        public Scaling {
            if (!(divisor > 0) || !Double.isFinite(offset)) {
                throw new IllegalArgumentException("a scaling divides by a positive number and adds a finite one, not "
                        + divisor + " and " + offset);
            }
        }

        /** {@code x/127.5 - 1}: MobileNet's and Inception's, from 0..255 to -1..1. */
        public static final Scaling MINUS_ONE_TO_ONE = new Scaling(127.5, -1);

        public double apply(double x) {
            return x / divisor + offset;
        }

        /** "x/127.5 - 1". */
        @Override
        public String toString() {
            String sum = offset == 0 ? "" : (offset < 0 ? " - " : " + ") + number(Math.abs(offset));
            return "x/" + number(divisor) + sum;
        }

        private static String number(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
        }
    }

    public PretrainedEntry {
        if (!id.matches("[a-z0-9][a-z0-9.-]*")) {
            throw new IllegalArgumentException("a network id is lower-case letters, digits, '.' and '-': " + id);
        }
        if (file.unpack() != RemoteFile.Unpack.NONE) {
            throw new IllegalArgumentException(id + ": a model file is kept as downloaded, not unpacked");
        }
        if (classCount < 1) {
            throw new IllegalArgumentException(id + ": at least one class, not " + classCount);
        }
    }

    @Override
    public String name() {
        return id;
    }

    @Override
    public List<RemoteFile> files() {
        return List.of(file);
    }

    /** {@code DATA/models/ID}. */
    @Override
    public Path folder(Path dataRoot) {
        return dataRoot.resolve(MODELS).resolve(id);
    }

    @Override
    public String kind() {
        return "network";
    }

    @Override
    public String downloadCommand() {
        return "./workbench models download " + id;
    }

    /** Where the model file is once installed: {@code DATA/models/ID/FILE}. */
    public Path modelFile(Path dataRoot) {
        return folder(dataRoot).resolve(file.name());
    }

    /**
     * Whether the model file is in place with the catalogue's size. Cheap enough for listings;
     * the checksum is verified when it is installed (downloaded, or checked by
     * {@link PretrainedCatalog#installedModel}).
     */
    public boolean isInstalled(Path dataRoot) {
        Path model = modelFile(dataRoot);
        try {
            return Files.isRegularFile(model) && Files.size(model) == file.size();
        } catch (IOException e) {
            return false; // gone meanwhile, or unreadable: not usable either way
        }
    }

    /** The same network from another file (tests point its URL at a local server). */
    public PretrainedEntry withFile(RemoteFile newFile) {
        return new PretrainedEntry(id, title, description, licence, provenance, input, scaling, classesResource,
                classCount, newFile);
    }

    /** The class names, in the order of the network's outputs. */
    public List<String> classNames() {
        try (InputStream in = PretrainedEntry.class.getResourceAsStream(classesResource)) {
            if (in == null) {
                throw new IllegalStateException(id + ": the class names " + classesResource + " are not in the build");
            }
            List<String> names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (names.size() != classCount) {
                throw new IllegalStateException(id + ": " + classesResource + " has " + names.size()
                        + " class names, expected " + classCount);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + classesResource, e);
        }
    }
}

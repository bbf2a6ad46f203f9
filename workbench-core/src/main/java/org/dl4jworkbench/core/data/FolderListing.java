package org.dl4jworkbench.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of an image-folder dataset, before decoding: class names (the subfolders,
 * sorted), every file with its class, split, size and modification time, and the files
 * left out without reading them (hidden files, files outside class folders). With
 * {@code train/} and {@code test/} subfolders, each holds its own class folders.
 */
record FolderListing(Path root, List<String> classNames, List<Entry> files, List<SkippedFile> skipped) {

    /** One file to decode: its class index and whether it belongs to the test tree. */
    record Entry(Path path, String relative, int label, boolean test, long size, long modified) {
    }

    private static final Set<String> JUNK = Set.of(".ds_store", "thumbs.db", "desktop.ini");

    static FolderListing scan(Path root) throws IOException, InvalidDataException {
        if (!Files.isDirectory(root)) {
            throw new InvalidDataException(root + ": no such folder. An image-folder dataset is a folder with one "
                    + "subfolder of images per class, e.g. " + root.resolve("cats") + " and " + root.resolve("dogs"));
        }
        Path train = root.resolve("train");
        Path test = root.resolve("test");
        boolean split = Files.isDirectory(train);
        List<SkippedFile> skipped = new ArrayList<>();
        Path trainRoot = split ? train : root;
        List<Path> classDirs = subfolders(trainRoot);
        if (classDirs.isEmpty()) {
            throw new InvalidDataException(trainRoot + ": no class folders. Put the images of each class in a "
                    + "subfolder named after the class, e.g. " + trainRoot.resolve("cats") + "/001.jpg and "
                    + trainRoot.resolve("dogs") + "/001.jpg");
        }
        List<String> classNames = classDirs.stream().map(p -> p.getFileName().toString()).toList();
        if (classNames.size() < 2) {
            throw new InvalidDataException(trainRoot + ": only one class folder ('" + classNames.get(0) + "'); a "
                    + "classifier needs at least 2 classes. Add a folder of images for each other class");
        }
        List<Entry> files = new ArrayList<>();
        looseFiles(trainRoot, root, skipped, "not in a class folder");
        for (int label = 0; label < classDirs.size(); label++) {
            collect(classDirs.get(label), root, label, false, files, skipped, true);
        }
        if (split && Files.isDirectory(test)) {
            looseFiles(test, root, skipped, "not in a class folder");
            for (Path dir : subfolders(test)) {
                int label = classNames.indexOf(dir.getFileName().toString());
                if (label < 0) {
                    throw new InvalidDataException(dir + ": test class '" + dir.getFileName() + "' has no folder in "
                            + train + " (training classes: " + String.join(", ", classNames) + "). Rename or remove it");
                }
                collect(dir, root, label, true, files, skipped, false);
            }
        }
        if (split) {
            looseFiles(root, root, skipped, "not in train/ or test/");
            for (Path other : subfolders(root)) {
                String name = other.getFileName().toString();
                if (!name.equals("train") && !name.equals("test")) {
                    skipped.add(new SkippedFile(root.relativize(other) + "/", "not in train/ or test/"));
                }
            }
        }
        return new FolderListing(root, classNames, files, skipped);
    }

    boolean hasTestTree() {
        return files.stream().anyMatch(Entry::test);
    }

    private static void collect(Path classDir, Path root, int label, boolean test, List<Entry> files,
                                List<SkippedFile> skipped, boolean requireFiles) throws IOException,
            InvalidDataException {
        int before = files.size();
        List<Path> all;
        try (Stream<Path> walk = Files.walk(classDir)) {
            all = walk.filter(p -> !p.equals(classDir)).sorted().toList();
        }
        for (Path p : all) {
            String name = p.getFileName().toString();
            String relative = root.relativize(p).toString().replace('\\', '/');
            BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class);
            if (attrs.isDirectory()) {
                continue;
            }
            if (name.startsWith(".") || JUNK.contains(name.toLowerCase(Locale.ROOT))) {
                skipped.add(new SkippedFile(relative, "hidden or system file"));
            } else if (!attrs.isRegularFile()) {
                skipped.add(new SkippedFile(relative, "not a regular file"));
            } else {
                files.add(new Entry(p, relative, label, test, attrs.size(), attrs.lastModifiedTime().toMillis()));
            }
        }
        if (requireFiles && files.size() == before) {
            throw new InvalidDataException(classDir + ": class folder '" + classDir.getFileName() + "' has no "
                    + "files. Add images of that class, or remove the folder");
        }
    }

    private static void looseFiles(Path dir, Path root, List<SkippedFile> skipped, String reason)
            throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                boolean hidden = name.startsWith(".") || JUNK.contains(name.toLowerCase(Locale.ROOT));
                skipped.add(new SkippedFile(root.relativize(p).toString().replace('\\', '/'),
                        hidden ? "hidden or system file" : reason));
            }
        }
    }

    private static List<Path> subfolders(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }
}

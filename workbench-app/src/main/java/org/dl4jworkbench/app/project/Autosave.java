package org.dl4jworkbench.app.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.dl4jworkbench.core.util.AtomicFiles;
import org.dl4jworkbench.core.util.Json;

/**
 * Unsaved edits kept safe: while a project has unsaved changes the window writes it here
 * (the settings folder's {@code autosave/}, one file per project folder, atomically); saving
 * or discarding the changes deletes the file. A file left behind means the workbench did not
 * close cleanly: the next start offers to recover it. Does file I/O: call it off the FX thread.
 */
public final class Autosave {

    public static final String FORMAT = "dl4j-workbench/autosave";
    public static final int VERSION = 1;

    /** An autosaved project: its edits, its folder (null if never saved) and scratch runs, when it was written. */
    public record Recovery(Project project, Instant savedAt, Path file) {
    }

    private final Path folder;

    public Autosave(Path settings) {
        this.folder = settings.resolve("autosave");
    }

    /** Writes {@code project}'s current state. */
    public void write(Project project) throws IOException {
        var root = Json.mapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("saved_at", Instant.now().toString());
        root.put("folder", project.folder() == null ? null : project.folder().toAbsolutePath().toString());
        root.put("scratch", project.scratch() == null ? null : project.scratch().toAbsolutePath().toString());
        root.set("project", ProjectFiles.toTree(project));
        AtomicFiles.writeString(fileFor(project.folder()), Json.mapper().writeValueAsString(root) + "\n");
    }

    /** Forgets the autosave of the project in {@code projectFolder} (null: the unsaved project). */
    public void discard(Path projectFolder) throws IOException {
        Files.deleteIfExists(fileFor(projectFolder));
    }

    /** The autosaves left behind, newest first; unreadable ones are skipped. */
    public List<Recovery> pending() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        var found = new ArrayList<Recovery>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    JsonNode root = Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
                    if (!FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() > VERSION) {
                        continue;
                    }
                    Path projectFolder = root.path("folder").isTextual() ? Path.of(root.get("folder").asText()) : null;
                    Project read = ProjectFiles.fromTree(root.get("project"), projectFolder, file.toString());
                    Path scratch = root.path("scratch").isTextual() ? Path.of(root.get("scratch").asText()) : null;
                    // its runs made before the crash stay its own
                    Project project = new Project(read.name(), read.spec(), read.dataset(), projectFolder,
                            scratch != null ? scratch : read.scratch());
                    if (projectFolder != null && ProjectFiles.isProject(projectFolder)
                            && sameContent(ProjectFiles.load(projectFolder), project)) {
                        Files.deleteIfExists(file); // written just before a save: nothing to recover
                        continue;
                    }
                    found.add(new Recovery(project, Instant.parse(root.path("saved_at").asText()), file));
                } catch (IOException | ProjectFormatException | RuntimeException e) {
                    // a damaged autosave is not worth an error: the project file itself is intact
                }
            }
        }
        found.sort(Comparator.comparing(Recovery::savedAt).reversed());
        return found;
    }

    private static boolean sameContent(Project a, Project b) {
        return a.name().equals(b.name()) && a.dataset().equals(b.dataset()) && a.spec().equals(b.spec());
    }

    Path fileFor(Path projectFolder) {
        if (projectFolder == null) {
            return folder.resolve("untitled.json");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    projectFolder.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return folder.resolve("project-" + HexFormat.of().formatHex(digest, 0, 8) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this Java", e);
        }
    }
}

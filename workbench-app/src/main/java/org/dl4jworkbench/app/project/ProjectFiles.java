package org.dl4jworkbench.app.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecFormatException;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.util.AtomicFiles;
import org.dl4jworkbench.core.util.Json;

/**
 * A project on disk: a folder holding {@value #FILE_NAME} and the project's {@code runs/}.
 *
 * <pre>{@code
 * {"format": "dl4j-workbench/project", "version": 1, "name": "lenet",
 *  "dataset": "mnist-mini", "network": { ...the network spec... }}
 * }</pre>
 *
 * Saved atomically (a crash leaves the old file or the new one). Read strictly: an unknown
 * field, a newer version or a damaged network gets a message naming the file.
 */
public final class ProjectFiles {

    public static final String FILE_NAME = "project.json";
    public static final String FORMAT = "dl4j-workbench/project";
    public static final int VERSION = 1;
    private static final Set<String> FIELDS = Set.of("format", "version", "name", "dataset", "network");

    private ProjectFiles() {
    }

    /** The project file of a project folder, or {@code path} itself when it names the file. */
    public static Path projectFile(Path path) {
        return Files.isDirectory(path) || !path.getFileName().toString().endsWith(".json")
                ? path.resolve(FILE_NAME) : path;
    }

    /** True when {@code folder} holds a project file. */
    public static boolean isProject(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE_NAME));
    }

    /**
     * Writes {@code project} into its folder (created if needed), bringing along the runs it
     * made before it had a folder ({@link ProjectRuns#adoptScratchRuns}); returns the file written.
     */
    public static Path save(Project project) throws IOException {
        if (project.folder() == null) {
            throw new IllegalArgumentException("project " + project.name() + " has no folder yet: choose one first");
        }
        ProjectRuns.adoptScratchRuns(project);
        Path file = project.folder().resolve(FILE_NAME);
        AtomicFiles.writeString(file, toJson(project));
        return file;
    }

    public static String toJson(Project project) {
        try {
            return Json.mapper().writeValueAsString(toTree(project)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write project " + project.name() + " as JSON", e);
        }
    }

    /** The project as the JSON object of its file (without its folder). */
    public static ObjectNode toTree(Project project) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("name", project.name());
        root.put("dataset", project.dataset());
        root.set("network", SpecJson.toTree(project.spec()));
        return root;
    }

    /**
     * Reads the project in {@code path} (a project folder or its {@value #FILE_NAME}); the
     * project's folder is the file's folder.
     */
    public static Project load(Path path) throws IOException, ProjectFormatException {
        Path file = projectFile(path).toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ProjectFormatException(file.getParent() + " is not a DL4J Workbench project: it has no "
                    + FILE_NAME + ". Open the folder that holds " + FILE_NAME + ", or start a new project from "
                    + "a template.", e);
        }
        return fromJson(text, file.getParent(), file.toString());
    }

    /**
     * Reads a project from its JSON text; {@code folder} becomes its folder (may be null),
     * {@code source} names the text in messages.
     */
    public static Project fromJson(String text, Path folder, String source) throws ProjectFormatException {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProjectFormatException(source + ": not valid JSON (line " + e.getLocation().getLineNr()
                    + "): " + e.getOriginalMessage() + ". The file is damaged; an autosave or a copy may help.", e);
        }
        return fromTree(tree, folder, source);
    }

    /** Reads a project from the JSON object of its file; see {@link #fromJson}. */
    public static Project fromTree(JsonNode tree, Path folder, String source) throws ProjectFormatException {
        if (!(tree instanceof ObjectNode root)) {
            throw new ProjectFormatException(source + ": expected a JSON object describing a project");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new ProjectFormatException(source + ": not a DL4J Workbench project: expected \"format\": \""
                    + FORMAT + "\", found " + (root.has("format") ? root.get("format").toString() : "no format field"));
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt() || version.intValue() < 1) {
            throw new ProjectFormatException(source + ": missing or invalid \"version\" (expected a whole number, "
                    + "this workbench writes " + VERSION + ")");
        }
        if (version.intValue() > VERSION) {
            throw new ProjectFormatException(source + ": written by a newer DL4J Workbench (project format version "
                    + version.intValue() + "); this one reads versions up to " + VERSION
                    + ". Update the workbench to open it.");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new ProjectFormatException(source + ": unknown field \"" + name + "\"; expected one of: "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        String name = text(root, "name", source);
        String dataset = text(root, "dataset", source);
        if (!root.has("network")) {
            throw new ProjectFormatException(source + ": missing \"network\"");
        }
        NetworkSpec spec;
        try {
            spec = SpecJson.fromTree(root.get("network"), source + " (network)");
        } catch (SpecFormatException e) {
            throw new ProjectFormatException(e.getMessage(), e);
        }
        return new Project(name, spec, dataset, folder);
    }

    private static String text(ObjectNode root, String field, String source) throws ProjectFormatException {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new ProjectFormatException(source + ": missing or empty \"" + field + "\" (expected text)");
        }
        return node.asText();
    }
}

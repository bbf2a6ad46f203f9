package org.dl4jworkbench.app.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dl4jworkbench.core.util.AtomicFiles;
import org.dl4jworkbench.core.util.Json;

/**
 * The projects opened or saved last, newest first, kept in the settings folder's
 * {@value #FILE_NAME}. Does file I/O: call it off the FX thread. A damaged list is treated
 * as empty (it is only a convenience) and rewritten on the next {@link #add}.
 */
public final class RecentProjects {

    public static final String FILE_NAME = "recent-projects.json";
    public static final int MAX = 10;

    private final Path file;

    public RecentProjects(Path settings) {
        this.file = settings.resolve(FILE_NAME);
    }

    /** The recent project folders that still hold a project, newest first. */
    public synchronized List<Path> list() {
        var folders = new ArrayList<Path>();
        for (Path p : read()) {
            if (ProjectFiles.isProject(p)) {
                folders.add(p);
            }
        }
        return folders;
    }

    /** Puts {@code folder} first; returns the new list. */
    public synchronized List<Path> add(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        var folders = new ArrayList<Path>(read());
        folders.remove(absolute);
        folders.add(0, absolute);
        while (folders.size() > MAX) {
            folders.remove(folders.size() - 1);
        }
        ArrayNode array = Json.mapper().createArrayNode();
        folders.forEach(p -> array.add(p.toString()));
        var root = Json.mapper().createObjectNode();
        root.set("projects", array);
        AtomicFiles.writeString(file, Json.mapper().writeValueAsString(root) + "\n");
        return list();
    }

    private List<Path> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            JsonNode projects = Json.mapper().readTree(file.toFile()).path("projects");
            var folders = new ArrayList<Path>();
            projects.forEach(p -> {
                if (p.isTextual()) {
                    folders.add(Path.of(p.asText()));
                }
            });
            return folders;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}

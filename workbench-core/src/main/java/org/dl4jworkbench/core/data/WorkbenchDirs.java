package org.dl4jworkbench.core.data;

import java.nio.file.Path;

/**
 * Per-user folders: downloaded datasets ({@code WORKBENCH_DATA}, else
 * {@code $XDG_DATA_HOME/dl4j-workbench}, {@code ~/Library/Application Support/DL4J Workbench}
 * or {@code %LOCALAPPDATA%\DL4J Workbench}), the decode cache ({@code WORKBENCH_CACHE},
 * else the platform's cache folder) and the window's settings: recent projects and autosaves
 * ({@code WORKBENCH_SETTINGS}, else the data folder's {@code settings/}).
 */
public final class WorkbenchDirs {

    private static final String APP = "dl4j-workbench";
    private static final String APP_TITLE = "DL4J Workbench";

    private WorkbenchDirs() {
    }

    /** Where downloaded datasets are kept. */
    public static Path data() {
        return fromEnv("WORKBENCH_DATA", "workbench.data", () -> platform(false));
    }

    /** Where decoded images are cached; safe to delete. */
    public static Path cache() {
        return fromEnv("WORKBENCH_CACHE", "workbench.cache", () -> platform(true));
    }

    /** Where the window keeps its settings: recent projects, autosaved edits. */
    public static Path settings() {
        return fromEnv("WORKBENCH_SETTINGS", "workbench.settings", () -> data().resolve("settings"));
    }

    private static Path fromEnv(String env, String property, java.util.function.Supplier<Path> fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback.get() : Path.of(value);
    }

    private static Path platform(boolean cache) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            Path base = local != null ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return base.resolve(APP_TITLE).resolve(cache ? "cache" : "data");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve(cache ? "Caches" : "Application Support").resolve(APP_TITLE);
        }
        String xdg = System.getenv(cache ? "XDG_CACHE_HOME" : "XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : home.resolve(cache ? ".cache" : ".local/share");
        return base.resolve(APP);
    }
}

package org.dl4jworkbench.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The first gate for a model file from anywhere: is it a zip, does it hold only the entries a
 * workbench model has (under plain names), and reading an entry never inflates past a limit
 * however small the zip claims it is. Nothing here trusts the sizes the zip declares.
 *
 * <p>Why so strict: {@code ModelSerializer.restore*} reads a {@value #PREPROCESSOR} entry
 * (and {@code addNormalizerToModel}'s {@value #NORMALIZER}) with plain Java deserialization,
 * so a zip from a stranger could run code the moment DL4J opened it.
 */
final class ModelZipScreen {

    static final String CONFIGURATION = "configuration.json";
    static final String COEFFICIENTS = "coefficients.bin";
    static final String UPDATER_STATE = "updaterState.bin";
    static final String METADATA = ModelFiles.METADATA_ENTRY;
    static final String PREPROCESSOR = "preprocessor.bin";
    static final String NORMALIZER = "normalizer.bin";

    /** Every entry a workbench model may contain; updater state is optional (plain SGD has none). */
    static final List<String> ALLOWED = List.of(CONFIGURATION, COEFFICIENTS, UPDATER_STATE, METADATA);
    static final Set<String> REQUIRED = Set.of(CONFIGURATION, COEFFICIENTS, METADATA);

    /** Entries DL4J reads with {@code ObjectInputStream} ("updater.bin" in files from before 0.9). */
    private static final Set<String> JAVA_SERIALIZED = Set.of(PREPROCESSOR, NORMALIZER, "updater.bin");

    /** A model has at most {@code ALLOWED.size()} entries; more is refused before any is looked at. */
    static final int MAX_ENTRIES = 16;

    private ModelZipScreen() {
    }

    static ZipFile open(Path file) throws InvalidModelException, IOException {
        if (!Files.exists(file)) {
            throw new InvalidModelException("cannot open model " + file + ": no such file. Give the path of a "
                    + "model.zip (train writes one into its run folder, e.g. runs/NAME/model.zip)");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidModelException("cannot open model " + file + ": it is a folder, not a file. Give the "
                    + "path of the model.zip inside it");
        }
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new InvalidModelException("not a model file: " + file + " is not a zip archive (damaged or not a "
                    + "model); expected a model.zip written by the DL4J Workbench. Copy the file again, or train "
                    + "the model again", e);
        } catch (java.io.FileNotFoundException e) { // what ZipFile throws for a file it may not read
            throw new InvalidModelException("cannot open model " + file + ": " + e.getMessage()
                    + ". Check that the file is readable", e);
        }
    }

    /** The entries by name, once each name has been checked; refuses anything a model does not have. */
    static Map<String, ZipEntry> entries(ZipFile zip, Path file) throws InvalidModelException {
        if (zip.size() > MAX_ENTRIES) {
            throw new UnsafeModelException("refused " + file + ": it has " + zip.size() + " entries, a model has "
                    + "at most " + ALLOWED.size() + " (" + String.join(", ", ALLOWED) + "). It is not a model "
                    + "saved by the DL4J Workbench");
        }
        Map<String, ZipEntry> byName = new LinkedHashMap<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
            ZipEntry entry = e.nextElement();
            String name = entry.getName();
            checkName(name, file);
            if (byName.put(name, entry) != null) {
                throw new UnsafeModelException("refused " + file + ": the entry '" + name + "' appears twice; zip "
                        + "readers disagree on which copy counts, so a second copy can hide content from a check. "
                        + "A model saved by the workbench has each entry once");
            }
            if (JAVA_SERIALIZED.contains(name)) {
                throw new UnsafeModelException("refused " + file + ": it contains '" + name + "', which DL4J reads "
                        + "with Java deserialization; deserializing untrusted data can run any code on this "
                        + "computer. Models saved by the DL4J Workbench never contain it (the workbench keeps "
                        + "preprocessing in workbench.json); if you trust the sender, ask for the model as the "
                        + "workbench saves it");
            }
            if (!ALLOWED.contains(name)) {
                throw new InvalidModelException("refused " + file + ": unexpected entry '" + name + "'; a model "
                        + "saved by the DL4J Workbench contains only " + String.join(", ", ALLOWED)
                        + (name.equals("noParams.marker") ? " (workbench networks always have parameters)" : "")
                        + ". It was made by other software or altered");
            }
        }
        if (!byName.containsKey(METADATA) && byName.containsKey(CONFIGURATION)) {
            throw new InvalidModelException("cannot use " + file + ": it is a plain DL4J model, not made by the DL4J "
                    + "Workbench (it has no " + METADATA + " entry), so its class names, input size and image "
                    + "preprocessing are unknown and predictions would be guesses. Train the network in the "
                    + "workbench, or load it with DL4J's ModelSerializer in your own code");
        }
        for (String required : ALLOWED) {
            if (REQUIRED.contains(required) && !byName.containsKey(required)) {
                throw new InvalidModelException("cannot use " + file + ": the entry '" + required + "' is missing; a "
                        + "model saved by the DL4J Workbench has " + String.join(", ", REQUIRED)
                        + ". The file is incomplete or was made by other software");
            }
        }
        return byName;
    }

    private static void checkName(String name, Path file) throws UnsafeModelException {
        String why = null;
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            why = "is an absolute path";
        } else if (name.contains("\\")) {
            why = "contains a backslash (a Windows path separator)";
        } else if (List.of(name.split("/", -1)).contains("..")) {
            why = "uses '..' to point outside the archive";
        } else if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            why = "contains control characters";
        }
        if (why != null) {
            throw new UnsafeModelException("refused " + file + ": the entry name '" + printable(name) + "' " + why
                    + "; model files hold only " + String.join(", ", ALLOWED) + " at the top level. The file "
                    + "was made to trick zip tools, or is damaged");
        }
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Reads a whole entry, refusing it as soon as it inflates past {@code limit} bytes. */
    static byte[] readAll(ZipFile zip, ZipEntry entry, long limit, Path file) throws InvalidModelException {
        try (InputStream in = open(zip, entry, limit, file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw damaged(file, entry, e);
        }
    }

    /**
     * The entry's content, counted as it inflates: past {@code limit} bytes the stream throws
     * (see {@link #readAll}); at its end it checks the CRC, which {@link ZipFile} does not.
     */
    static InputStream open(ZipFile zip, ZipEntry entry, long limit, Path file) throws InvalidModelException {
        if (entry.getSize() > limit) { // only a shortcut: the real limit is counted below
            throw new EntryTooLargeException(file, entry.getName(), limit).refusal();
        }
        try {
            return new CheckedEntryStream(zip.getInputStream(entry), entry, limit, file);
        } catch (IOException e) {
            throw damaged(file, entry, e);
        }
    }

    /**
     * The refusal for a failed read: a limit reached anywhere down the cause chain (ND4J wraps
     * the stream's exceptions in its own), else a damaged entry.
     */
    static InvalidModelException damaged(Path file, ZipEntry entry, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EntryTooLargeException tooLarge) {
                return tooLarge.refusal();
            }
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new InvalidModelException("damaged model file " + file + ": the entry '" + entry.getName()
                + "' cannot be read (" + why + "). Copy the file again, or train the model again", e);
    }

    /** Thrown from inside a stream read; {@link #refusal()} gives the message for the user. */
    static final class EntryTooLargeException extends IOException {
        private final transient Path file;
        private final String name;
        private final long limit;

        EntryTooLargeException(Path file, String name, long limit) {
            super(name + " is larger than " + limit + " bytes");
            this.file = file;
            this.name = name;
            this.limit = limit;
        }

        UnsafeModelException refusal() {
            return new UnsafeModelException("refused " + file + ": the entry '" + name + "' unpacks to more than "
                    + String.format("%,d", limit) + " bytes, more than this model can need (a \"zip bomb\", made to "
                    + "exhaust memory, or a damaged file). Stopped reading it at the limit");
        }
    }

    private static final class CheckedEntryStream extends InputStream {
        private final InputStream in;
        private final ZipEntry entry;
        private final long limit;
        private final Path file;
        private final CRC32 crc = new CRC32();
        private long count;
        private boolean ended;

        CheckedEntryStream(InputStream in, ZipEntry entry, long limit, Path file) {
            this.in = in;
            this.entry = entry;
            this.limit = limit;
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            // Never ask for more than one byte past the limit, so a bomb is stopped right there.
            int want = (int) Math.min(len, limit - count + 1);
            int n = in.read(b, off, Math.max(1, want));
            if (n < 0) {
                if (!ended) {
                    ended = true;
                    if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                        throw new ZipException("invalid entry CRC, the content is corrupt");
                    }
                }
                return -1;
            }
            count += n;
            if (count > limit) {
                throw new EntryTooLargeException(file, entry.getName(), limit);
            }
            crc.update(b, off, n);
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

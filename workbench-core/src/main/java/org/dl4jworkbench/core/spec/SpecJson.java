package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;
import org.dl4jworkbench.core.util.AtomicFiles;
import org.dl4jworkbench.core.util.Json;

/**
 * Reads and writes {@link NetworkSpec} as readable JSON with stable snake_case field names.
 * Reading is strict: unknown fields, unknown layer types, missing required fields and files
 * from a newer workbench are errors whose message says where and what was expected.
 */
public final class SpecJson {

    private static final ObjectMapper MAPPER = Json.mapper();

    private SpecJson() {
    }

    public static String toJson(NetworkSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write network spec as JSON", e);
        }
    }

    /** Writes atomically: a crash leaves the old file or the new one, never half of one. */
    public static void write(NetworkSpec spec, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(spec));
    }

    public static NetworkSpec read(Path file) throws IOException, SpecFormatException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * @param source names the text in messages, e.g. the file's path
     */
    public static NetworkSpec fromJson(String json, String source) throws SpecFormatException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SpecFormatException(source + ": not valid JSON" + at(e.getLocation()) + ": "
                    + e.getOriginalMessage(), e);
        }
        return fromTree(tree, source);
    }

    /** Reads a spec embedded in another JSON document (a model file's metadata). */
    public static NetworkSpec fromTree(JsonNode tree, String source) throws SpecFormatException {
        if (!(tree instanceof ObjectNode node)) {
            throw new SpecFormatException(source + ": expected a JSON object describing a network, found "
                    + (tree == null || tree.isMissingNode() ? "nothing" : tree.getNodeType().toString().toLowerCase()));
        }
        ObjectNode root = node.deepCopy();
        checkHeader(root, source);
        root.remove("format");
        root.remove("version");
        try {
            return MAPPER.treeToValue(root, NetworkSpec.class);
        } catch (JsonProcessingException e) {
            throw new SpecFormatException(source + ": " + describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new SpecFormatException(source + ": " + e.getMessage(), e);
        }
    }

    public static JsonNode toTree(NetworkSpec spec) {
        return MAPPER.valueToTree(spec);
    }

    private static void checkHeader(ObjectNode root, String source) throws SpecFormatException {
        JsonNode format = root.get("format");
        if (format == null || !NetworkSpec.FORMAT.equals(format.asText())) {
            throw new SpecFormatException(source + ": not a DL4J Workbench network: expected \"format\": \""
                    + NetworkSpec.FORMAT + "\", found " + (format == null ? "no format field" : format.toString()));
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt()) {
            throw new SpecFormatException(source + ": missing or invalid \"version\" (expected a whole number, "
                    + "this workbench writes " + NetworkSpec.VERSION + ")");
        }
        int v = version.intValue();
        if (v > NetworkSpec.VERSION) {
            throw new SpecFormatException(source + ": written by a newer DL4J Workbench (network format version " + v
                    + "); this one reads versions up to " + NetworkSpec.VERSION
                    + ". Update the workbench to open it.");
        }
        if (v < 1) {
            throw new SpecFormatException(source + ": invalid network format version " + v + " (expected 1 to "
                    + NetworkSpec.VERSION + ")");
        }
    }

    private static String describe(JsonProcessingException e) {
        String where = e instanceof JsonMappingException m ? path(m) : "";
        String in = where.isEmpty() ? "" : " in " + where;
        if (e instanceof UnrecognizedPropertyException u) {
            String parent = where.endsWith("." + u.getPropertyName())
                    ? where.substring(0, where.length() - u.getPropertyName().length() - 1)
                    : where.equals(u.getPropertyName()) ? "" : where;
            in = parent.isEmpty() ? "" : " in " + parent;
            return "unknown field \"" + u.getPropertyName() + "\"" + in + "; expected one of: "
                    + names(u.getKnownPropertyIds());
        }
        if (e instanceof InvalidTypeIdException t) {
            return "unknown layer type \"" + t.getTypeId() + "\"" + in + "; expected one of: "
                    + String.join(", ", ConvolutionSpec.TYPE, PoolingSpec.TYPE, DenseSpec.TYPE, DropoutSpec.TYPE,
                    BatchNormSpec.TYPE);
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(c -> c instanceof SpecEnum choice ? choice.id() : c.toString()).collect(Collectors.joining(", "));
            return "invalid value " + f.getValue() + in + "; expected one of: " + allowed;
        }
        if (e instanceof MismatchedInputException mi && mi.getOriginalMessage().startsWith("Missing required")) {
            String field = mi.getOriginalMessage().replaceAll("(?s).*'([^']+)'.*", "$1");
            String parent = where.contains(".") ? where.substring(0, where.lastIndexOf('.')) : "";
            return "missing field \"" + field + "\"" + (parent.isEmpty() ? "" : " in " + parent);
        }
        return e.getOriginalMessage() + in;
    }

    private static String path(JsonMappingException e) {
        var sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String names(Collection<Object> ids) {
        return ids == null ? "?" : ids.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}

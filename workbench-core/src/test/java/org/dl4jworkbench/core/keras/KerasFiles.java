package org.dl4jworkbench.core.keras;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_RDONLY;
import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_TRUNC;
import static org.bytedeco.hdf5.global.hdf5.H5O_TYPE_DATASET;
import static org.bytedeco.hdf5.global.hdf5.H5O_TYPE_GROUP;
import static org.bytedeco.hdf5.global.hdf5.H5S_SCALAR;
import static org.bytedeco.hdf5.global.hdf5.H5T_STR_NULLPAD;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.hdf5.Attribute;
import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.DataType;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.PredType;
import org.bytedeco.hdf5.StrType;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Writes Keras 2 HDF5 files with the HDF5 API, in the layout Keras 2 (through h5py) gives
 * them: fixed-length string attributes, a layer's weights in {@code <layer>/<layer>/<name>:0}.
 * A full model has {@code keras_version}, {@code backend} and {@code model_config} at the
 * root and its layers under {@code model_weights}; a weights-only file has the layers at the root.
 */
public final class KerasFiles {

    /** A weight as Keras stores it: {@code name} like "kernel:0", row-major values of {@code shape}. */
    public record Weight(String name, long[] shape, float[] values) {
    }

    public record LayerWeights(String layer, List<Weight> weights) {
    }

    private KerasFiles() {
    }

    public static void writeModel(Path file, String kerasVersion, String modelConfig, List<LayerWeights> layers)
            throws KerasImportException {
        Hdf5.load();
        synchronized (Hdf5.LOCK) {
            try (H5File h5 = new H5File(file.toString(), H5F_ACC_TRUNC())) {
                writeString(h5, "keras_version", kerasVersion);
                writeString(h5, "backend", "tensorflow");
                writeString(h5, "model_config", modelConfig);
                try (Group weights = h5.createGroup("model_weights")) {
                    writeLayers(weights, kerasVersion, layers);
                }
            }
        }
    }

    public static void writeWeightsOnly(Path file, String kerasVersion, List<LayerWeights> layers)
            throws KerasImportException {
        Hdf5.load();
        synchronized (Hdf5.LOCK) {
            try (H5File h5 = new H5File(file.toString(), H5F_ACC_TRUNC())) {
                writeLayers(h5, kerasVersion, layers);
            }
        }
    }

    /**
     * Splits a full-model file into what Keras publishes for its applications: the
     * architecture as {@code model.to_json()} writes it, and a weights-only file.
     */
    public static void split(Path fullModel, Path jsonOut, Path weightsOut) throws KerasImportException, IOException {
        Hdf5.load();
        synchronized (Hdf5.LOCK) {
            try (H5File in = new H5File(fullModel.toString(), H5F_ACC_RDONLY());
                    Group weights = in.openGroup("model_weights");
                    H5File out = new H5File(weightsOut.toString(), H5F_ACC_TRUNC())) {
                ObjectMapper json = new ObjectMapper();
                ObjectNode config = (ObjectNode) json.readTree(Hdf5.stringAttribute(in, "model_config", "").orElseThrow());
                config.put("keras_version", Hdf5.stringAttribute(in, "keras_version", "").orElseThrow());
                config.put("backend", Hdf5.stringAttribute(in, "backend", "").orElseThrow());
                Files.writeString(jsonOut, json.writeValueAsString(config));
                copyAttributes(weights, out);
                copyChildren(weights, out);
            }
        }
    }

    private static void writeLayers(Group root, String kerasVersion, List<LayerWeights> layers) {
        writeString(root, "keras_version", kerasVersion);
        writeString(root, "backend", "tensorflow");
        writeStrings(root, "layer_names", layers.stream().map(LayerWeights::layer).toList());
        for (LayerWeights layer : layers) {
            try (Group group = root.createGroup(layer.layer())) {
                writeStrings(group, "weight_names",
                        layer.weights().stream().map(w -> layer.layer() + "/" + w.name()).toList());
                if (layer.weights().isEmpty()) {
                    continue;
                }
                try (Group inner = group.createGroup(layer.layer())) {
                    for (Weight weight : layer.weights()) {
                        writeFloats(inner, weight.name(), weight.shape(), weight.values());
                    }
                }
            }
        }
    }

    static void writeString(Group owner, String name, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        try (StrType type = new StrType(PredType.C_S1(), Math.max(1, bytes.length));
                DataSpace space = new DataSpace(H5S_SCALAR);
                Attribute attribute = owner.createAttribute(name, type, space);
                BytePointer buffer = new BytePointer(Math.max(1, bytes.length))) {
            buffer.put(bytes);
            attribute.write(type, buffer);
        }
    }

    static void writeStrings(Group owner, String name, List<String> values) {
        int size = Math.max(1, values.stream().mapToInt(v -> v.getBytes(StandardCharsets.UTF_8).length).max().orElse(1));
        byte[] bytes = new byte[values.size() * size];
        for (int i = 0; i < values.size(); i++) {
            byte[] value = values.get(i).getBytes(StandardCharsets.UTF_8);
            System.arraycopy(value, 0, bytes, i * size, value.length);
        }
        try (StrType type = nullPadded(size);
                DataSpace space = new DataSpace(1, new long[] {values.size()});
                Attribute attribute = owner.createAttribute(name, type, space);
                BytePointer buffer = new BytePointer(Math.max(1, bytes.length))) {
            buffer.put(bytes);
            attribute.write(type, buffer);
        }
    }

    /** As h5py writes numpy byte strings. */
    private static StrType nullPadded(int size) {
        StrType type = new StrType(PredType.C_S1(), size);
        type.setStrpad(H5T_STR_NULLPAD);
        return type;
    }

    private static void writeFloats(Group owner, String name, long[] shape, float[] values) {
        if (Arrays.stream(shape).reduce(1, (a, b) -> a * b) != values.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for shape " + Arrays.toString(shape));
        }
        try (DataSpace space = new DataSpace(shape.length, shape);
                DataSet data = owner.createDataSet(name, PredType.NATIVE_FLOAT(), space);
                FloatPointer buffer = new FloatPointer(values)) {
            data.write(buffer, PredType.NATIVE_FLOAT());
        }
    }

    private static void copyAttributes(Group from, Group to) {
        for (int i = 0; i < from.getNumAttrs(); i++) {
            try (Attribute attribute = from.openAttribute(i);
                    DataType type = attribute.getDataType();
                    DataSpace space = attribute.getSpace();
                    BytePointer buffer = new BytePointer(Math.max(1, type.getSize() * space.getSimpleExtentNpoints()));
                    Attribute copy = to.createAttribute(attribute.getName(), type, space)) {
                attribute.read(type, buffer);
                copy.write(type, buffer);
            }
        }
    }

    private static void copyChildren(Group from, Group to) {
        for (long i = 0; i < from.getNumObjs(); i++) {
            String name = from.getObjnameByIdx(i).getString();
            int kind = from.childObjType(name);
            if (kind == H5O_TYPE_GROUP) {
                try (Group source = from.openGroup(name); Group target = to.createGroup(name)) {
                    copyAttributes(source, target);
                    copyChildren(source, target);
                }
            } else if (kind == H5O_TYPE_DATASET) {
                try (DataSet data = from.openDataSet(name); DataSpace space = data.getSpace()) {
                    long[] shape = new long[space.getSimpleExtentNdims()];
                    space.getSimpleExtentDims(shape);
                    float[] values = new float[(int) space.getSimpleExtentNpoints()];
                    try (FloatPointer buffer = new FloatPointer(values.length)) {
                        data.read(buffer, PredType.NATIVE_FLOAT());
                        buffer.get(values);
                    }
                    writeFloats(to, name, shape, values);
                }
            }
        }
    }
}

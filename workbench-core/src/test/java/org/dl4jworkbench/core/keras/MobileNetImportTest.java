package org.dl4jworkbench.core.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.dl4jworkbench.core.data.image.ImageDecoder;
import org.dl4jworkbench.core.data.image.ImagePreprocessor;
import org.dl4jworkbench.core.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The real MobileNet v1 (0.75, 224, ImageNet) of ../shared/data imports as the README says,
 * classifies real photos, and comes apart into the facts a frozen-backbone description needs.
 */
class MobileNetImportTest {

    static ImportedKerasModel mobileNet;
    static long importMillis;

    @BeforeAll
    static void importOnce() throws Exception {
        long start = System.nanoTime();
        mobileNet = KerasImport.importModel(SharedData.mobileNet());
        importMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        KerasImport.importModel(SharedData.mobileNet());
        System.out.println("MobileNet import took " + importMillis + " ms (first in the JVM, ND4J starting), again "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @Test
    void importsAsAGraphWithTheReadmesShape() {
        assertThat(mobileNet.isGraph()).isTrue();
        assertThat(mobileNet.parameters()).isEqualTo(2_601_976L);
        assertThat(mobileNet.outputs()).isEqualTo(1000);
        assertThat(mobileNet.input()).isEqualTo(new KerasInputShape(224, 224, 3, true));
        assertThat(mobileNet.kerasVersion()).isEqualTo("2.1.4");
        assertThat(mobileNet.backend()).isEqualTo("tensorflow");
        assertThat(mobileNet.graph().getNumLayers()).isEqualTo(85);
    }

    @Test
    void realPhotosComeOutAsDistributionsOverImageNet() throws Exception {
        List<String> classes = Files.readAllLines(SharedData.file("imagenet_classes.txt"));
        Map<String, byte[]> photos = cifarPhotos("test/cat/", "test/ship/", "test/airplane/");
        for (Map.Entry<String, byte[]> photo : photos.entrySet()) {
            INDArray x = nhwc(photo.getValue());
            long start = System.nanoTime();
            INDArray out = mobileNet.graph().outputSingle(false, x);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(out.shape()).containsExactly(1, 1, 1, 1000);
            float[] p = out.reshape(1000).toFloatVector();
            double sum = 0;
            for (float v : p) {
                assertThat(v).isBetween(0f, 1f);
                sum += v;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-4));
            System.out.println(photo.getKey() + " (" + millis + " ms): " + top(p, classes, 3));
        }
    }

    /**
     * CIFAR photos are 32x32, blurry at 224x224, yet MobileNet should still name a dog breed
     * (ImageNet classes 151 to 268) among its top 5 for most dogs; chance would give about 47%.
     */
    @Test
    void mostCifarDogsGetADogBreedInTheTopFive() throws Exception {
        Map<String, byte[]> dogs = cifarPhotos(30, "test/dog/");
        int hits = 0;
        for (byte[] photo : dogs.values()) {
            float[] p = mobileNet.graph().outputSingle(false, nhwc(photo)).reshape(1000).toFloatVector();
            if (topIndices(p, 5).stream().anyMatch(i -> i >= 151 && i <= 268)) {
                hits++;
            }
        }
        System.out.println("CIFAR dogs with a dog breed in MobileNet's top 5: " + hits + "/" + dogs.size());
        assertThat(hits).isGreaterThanOrEqualTo(20);
    }

    /** DL4J keeps the file's layout: the graph takes [N,224,224,3]; NCHW is reported, not assumed. */
    @Test
    void inputIsFedChannelsLast() {
        INDArray nhwc = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 224, 224, 3).muli(2).subi(1);
        INDArray out = mobileNet.graph().outputSingle(false, nhwc);
        assertThat(out.length()).isEqualTo(1000);
        String nchw;
        try {
            INDArray o = mobileNet.graph().outputSingle(false, nhwc.permute(0, 3, 1, 2).dup());
            nchw = "accepted, output " + java.util.Arrays.toString(o.shape()) + ", max |diff| to NHWC "
                    + o.reshape(o.length()).sub(out.reshape(out.length())).amaxNumber();
        } catch (RuntimeException e) {
            nchw = "refused: " + e.getMessage().lines().findFirst().orElse("");
        }
        System.out.println("NHWC [1,224,224,3] works; NCHW [1,3,224,224]: " + nchw);
    }

    @Test
    void backboneFacts() {
        ComputationGraph graph = mobileNet.graph();
        GraphVertex[] vertices = graph.getVertices();
        List<String> order = new ArrayList<>();
        for (int i : graph.topologicalSortOrder()) {
            order.add(vertices[i].getVertexName());
        }
        System.out.println("vertices in topological order (" + order.size() + "): " + order);

        String pooling = null;
        for (String name : order) {
            GraphVertex v = graph.getVertex(name);
            if (v.hasLayer() && v.getLayer().conf().getLayer() instanceof GlobalPoolingLayer) {
                pooling = name;
            }
        }
        assertThat(pooling).isEqualTo("global_average_pooling2d_1");
        Map<String, InputType> types = graph.getConfiguration().getLayerActivationTypes(
                InputType.convolutional(224, 224, 3, CNN2DFormat.NHWC));
        System.out.println("global pooling vertex: " + pooling + ", output " + types.get(pooling)
                + " (" + types.get(pooling).arrayElementsPerExample() + " values)");
        assertThat(types.get(pooling).arrayElementsPerExample()).isEqualTo(768);

        long prefix = 0;
        for (String name : order) {
            prefix += params(graph, name);
            if (name.equals(pooling)) {
                break;
            }
        }
        long ancestors = 0;
        for (String name : ancestorsOf(graph, pooling)) {
            ancestors += params(graph, name);
        }
        System.out.println("params up to and including " + pooling + ": topological prefix " + prefix
                + ", its ancestors " + ancestors + "; after it " + (mobileNet.parameters() - prefix));
        assertThat(prefix).isEqualTo(1_832_976L).isEqualTo(ancestors);

        Map<String, Long> blocks = new LinkedHashMap<>();
        blocks.put("conv1", params(graph, "conv1") + params(graph, "conv1_bn"));
        for (int i = 1; i <= 13; i++) {
            blocks.put("conv_dw_" + i, params(graph, "conv_dw_" + i) + params(graph, "conv_dw_" + i + "_bn"));
            blocks.put("conv_pw_" + i, params(graph, "conv_pw_" + i) + params(graph, "conv_pw_" + i + "_bn"));
        }
        StringBuilder table = new StringBuilder("block params (layer + its bn):");
        for (Map.Entry<String, Long> b : blocks.entrySet()) {
            String name = b.getKey();
            String bn = name + "_bn";
            table.append("\n  ").append(name).append(": ").append(b.getValue()).append(" (")
                    .append(params(graph, name)).append(" + ").append(params(graph, bn)).append(") -> ")
                    .append(types.get(bn));
        }
        System.out.println(table);
        System.out.println("after the pooling: " + order.subList(order.indexOf(pooling) + 1, order.size()).stream()
                .map(n -> n + "=" + params(graph, n) + " -> " + types.get(n)).toList());
        assertThat(blocks.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_832_976L);
    }

    private static long params(ComputationGraph graph, String name) {
        GraphVertex v = graph.getVertex(name);
        return v != null && v.hasLayer() ? v.getLayer().numParams() : 0;
    }

    private static Set<String> ancestorsOf(ComputationGraph graph, String name) {
        Map<String, List<String>> inputs = graph.getConfiguration().getVertexInputs();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(name));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (seen.add(n)) {
                todo.addAll(inputs.getOrDefault(n, List.of()));
            }
        }
        return seen;
    }

    /** As the README says MobileNet wants: RGB 224x224, x/127.5 - 1, channels last. */
    static INDArray nhwc(byte[] jpeg) throws Exception {
        byte[] planar = ImagePreprocessor.toInput(ImageDecoder.decode(jpeg), 224, 224, 3);
        int plane = 224 * 224;
        float[] values = new float[planar.length];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                values[p * 3 + c] = (planar[c * plane + p] & 0xff) / 127.5f - 1f;
            }
        }
        return Nd4j.create(values, new long[] {1, 224, 224, 3});
    }

    static Map<String, byte[]> cifarPhotos(String... prefixes) throws IOException {
        return cifarPhotos(1, prefixes);
    }

    /** The first {@code each} photos of each prefix in the CIFAR-10 archive of ../shared/data. */
    static Map<String, byte[]> cifarPhotos(int each, String... prefixes) throws IOException {
        Map<String, byte[]> found = new LinkedHashMap<>();
        Path archive = SharedData.file("cifar10-jpg.tar.gz");
        try (InputStream in = new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(archive)));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while (found.size() < each * prefixes.length && (entry = tar.getNextTarEntry()) != null) {
                String name = entry.getName().replaceFirst("^\\./", "");
                for (String prefix : prefixes) {
                    if (entry.isFile() && name.startsWith(prefix)
                            && found.keySet().stream().filter(k -> k.startsWith(prefix)).count() < each) {
                        found.put(name, tar.readAllBytes());
                    }
                }
            }
        }
        assertThat(found).as("photos in " + archive).hasSize(each * prefixes.length);
        return found;
    }

    private static List<Integer> topIndices(float[] p, int k) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            idx.add(i);
        }
        idx.sort((a, b) -> Float.compare(p[b], p[a]));
        return idx.subList(0, k);
    }

    private static String top(float[] p, List<String> classes, int k) {
        return topIndices(p, k).stream().map(i -> classes.get(i) + " " + String.format("%.3f", p[i])).toList().toString();
    }
}

package org.dl4jworkbench.core.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jworkbench.core.compile.TransferCompiler;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.pretrained.Pretrained;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.testing.SharedData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Real graphs for model-file tests: transfer models from the real MobileNet of ../shared/data. */
final class GraphModels {

    private GraphModels() {
    }

    /** The catalogue's MobileNet placed where the catalogue installs it under {@code dataRoot}. */
    static Path installMobileNet(Path dataRoot) throws Exception {
        Path target = PretrainedCatalog.MOBILENET_V1_075.modelFile(dataRoot);
        Files.createDirectories(target.getParent());
        if (!Files.exists(target)) {
            Files.copy(SharedData.mobileNet(), target);
        }
        return dataRoot;
    }

    /** The mobilenet-transfer template for two classes, optionally trainable from {@code block} on. */
    static NetworkSpec transferSpec(String trainableFrom) {
        NetworkSpec spec = Templates.find(Templates.TRANSFER).orElseThrow().spec();
        return trainableFrom == null ? spec : spec.withBackbone(spec.backbone().withTrainableFrom(trainableFrom));
    }

    /** The spec compiled on the real backbone. */
    static ComputationGraph transferGraph(NetworkSpec spec, Path dataRoot) throws Exception {
        return TransferCompiler.compile(spec, Pretrained.load(spec.backbone().model(), dataRoot), 1);
    }

    /** After one step of training, so the optimizer state is not zero (frozen backbones only, see the report). */
    static ComputationGraph trained(ComputationGraph graph) {
        INDArray labels = Nd4j.create(new float[][] {{1, 0}, {0, 1}});
        Network.of(graph).fit(new DataSet(images(2, 7), labels));
        return graph;
    }

    /** {@code n} random images as the workbench prepares them for MobileNet: [n, 3, 224, 224], -1..1. */
    static INDArray images(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, n, 3, 224, 224).muli(2).subi(1);
    }

    static ModelMetadata transferMetadata(NetworkSpec spec) {
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, "test", "1.0.0-M2.1", "2026-12-01T00:00:00Z",
                List.of("cat", "dog"), 224, 224, 3, new Normalizer(Normalizer.SYMMETRIC, null, null), "folder:photos",
                1, 0.9, SpecJson.toTree(spec));
    }
}

package org.dl4jworkbench.core.pretrained;

import java.io.IOException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jworkbench.core.spec.Backbone;

/** Opens a pretrained network for a spec that begins with it; the graph returned is the caller's to change. */
@FunctionalInterface
public interface BackboneLoader {

    /**
     * @throws IOException where the network is not installed or cannot be read; the message
     *                     says where to put it or how to fetch it
     */
    ComputationGraph load(Backbone backbone) throws IOException;
}

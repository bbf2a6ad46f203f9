package org.dl4jworkbench.core.spec;

import java.util.List;
import java.util.Optional;

/**
 * What the workbench knows of a pretrained network without opening its file, so the editor
 * can show shapes and parameter counts while the user edits: the input it takes and how its
 * pixels are normalized, the vertex it is cut at ({@code cutAt}) and the size of the feature
 * vector there, and its blocks in order, each with the graph vertex it ends at, its
 * parameters (as DL4J counts them: batch normalization's running statistics included) and
 * multiply-adds per image. A test checks these facts against the imported network.
 */
public record Backbone(String id, String title, InputSpec input, Normalization normalization, String cutAt,
                       int features, List<Block> blocks) {

    public Backbone {
        blocks = List.copyOf(blocks);
    }

    /** One block: {@code lastVertex} is the graph vertex that ends it. */
    public record Block(String name, String lastVertex, long parameters, long multiplyAdds) {
    }

    public long parameters() {
        return blocks.stream().mapToLong(Block::parameters).sum();
    }

    public long multiplyAdds() {
        return blocks.stream().mapToLong(Block::multiplyAdds).sum();
    }

    public Optional<Block> block(String name) {
        return blocks.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public List<String> blockNames() {
        return blocks.stream().map(Block::name).toList();
    }

    /** Parameters that stay fixed: all of them when frozen, else those of the blocks before {@code trainableFrom}. */
    public long frozenParameters(BackboneSpec spec) {
        if (spec.isFrozen()) {
            return parameters();
        }
        long frozen = 0;
        for (Block b : blocks) {
            if (b.name().equals(spec.trainableFrom())) {
                return frozen;
            }
            frozen += b.parameters();
        }
        return parameters();
    }

    /** The vertex up to which (inclusive) the backbone is frozen: the cut, or the end of the block before the first trainable one. */
    public String frozenUpTo(BackboneSpec spec) {
        if (spec.isFrozen()) {
            return cutAt;
        }
        String last = null;
        for (Block b : blocks) {
            if (b.name().equals(spec.trainableFrom())) {
                return last;
            }
            last = b.lastVertex();
        }
        return cutAt;
    }
}

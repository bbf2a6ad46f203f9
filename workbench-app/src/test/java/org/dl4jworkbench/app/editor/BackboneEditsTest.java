package org.dl4jworkbench.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.dl4jworkbench.core.analysis.Problem;
import org.dl4jworkbench.core.spec.Backbone;
import org.dl4jworkbench.core.spec.Backbones;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.LayerSpec;
import org.dl4jworkbench.core.spec.Normalization;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.Test;

/** Edits of a pretrained backbone through the editor model, without starting JavaFX. */
class BackboneEditsTest {

    private static final Backbone MOBILENET = Backbones.find(Backbones.MOBILENET_V1).orElseThrow();

    @Test
    void beginningWithMobileNetReplacesTheConvolutionsFixesTheInputAndIsOneUndoStep() {
        var editor = new EditorModel(Templates.find(Templates.DEFAULT).orElseThrow().spec()); // LeNet
        var before = editor.spec();
        BackboneEdits.beginWith(editor, MOBILENET);

        assertThat(editor.spec().backbone().model()).isEqualTo(Backbones.MOBILENET_V1);
        assertThat(editor.spec().backbone().isFrozen()).isTrue();
        assertThat(editor.spec().input()).isEqualTo(new InputSpec(224, 224, 3));
        assertThat(editor.spec().data().normalization()).isEqualTo(Normalization.SYMMETRIC);
        assertThat(editor.spec().layers()).extracting(LayerSpec::name).containsExactly("dense1"); // after pool2
        assertThat(editor.spec().layers().get(0)).isInstanceOf(DenseSpec.class);
        assertThat(editor.analysis().errors()).isEmpty();
        assertThat(editor.analysis().frozenParameters()).isEqualTo(MOBILENET.parameters());
        assertThat(editor.selected()).isEqualTo(EditorModel.BACKBONE);
        assertThat(editor.undoTextProperty().get()).isEqualTo("Undo Begin with " + MOBILENET.title());

        editor.undo();
        assertThat(editor.spec()).isEqualTo(before);
    }

    @Test
    void trainFromIsAnUndoableEditAndTheBackboneCannotBeDeletedMovedOrPrecededByALayer() {
        var editor = new EditorModel(Templates.find(Templates.TRANSFER).orElseThrow().spec());
        long frozen = editor.analysis().frozenParameters();
        BackboneEdits.trainFrom(editor, "block12");
        assertThat(editor.spec().backbone().trainableFrom()).isEqualTo("block12");
        assertThat(editor.analysis().frozenParameters()).isLessThan(frozen).isPositive();
        assertThat(editor.undoTextProperty().get()).isEqualTo("Undo Train " + MOBILENET.title() + " from block12");
        BackboneEdits.trainFrom(editor, BackboneEdits.FROZEN);
        assertThat(editor.spec().backbone().isFrozen()).isTrue();
        editor.undo();
        assertThat(editor.spec().backbone().trainableFrom()).isEqualTo("block12");
        editor.undo();
        assertThat(editor.spec().backbone().isFrozen()).isTrue();
        assertThat(editor.analysis().frozenParameters()).isEqualTo(frozen);

        var spec = editor.spec();
        editor.removeLayer(EditorModel.BACKBONE);
        editor.moveLayer(EditorModel.BACKBONE, 1);
        assertThat(editor.spec()).isEqualTo(spec);
        editor.select(EditorModel.BACKBONE);
        editor.insertLayer(-1, DenseSpec.of(64, org.dl4jworkbench.core.spec.Activation.RELU));
        assertThat(editor.spec().layers().get(0)).isInstanceOf(DenseSpec.class); // first after the backbone
        assertThat(editor.spec().backbone()).isEqualTo(spec.backbone());
    }

    @Test
    void theChoicesAreFrozenThenEveryBlockAndProblemsAboutTheBackboneAreToldFromTheInputs() {
        assertThat(BackboneEdits.trainFromChoices(MOBILENET)).hasSize(15)
                .startsWith("frozen", "conv1", "block1").endsWith("block13");
        var spec = Templates.find(Templates.TRANSFER).orElseThrow().spec();
        assertThat(BackboneEdits.isAbout(spec, new Problem(org.dl4jworkbench.core.analysis.Severity.ERROR,
                Problem.INPUT, Backbones.MOBILENET_V1, "has no block 'x'", ""))).isTrue();
        assertThat(BackboneEdits.isAbout(spec, new Problem(org.dl4jworkbench.core.analysis.Severity.ERROR,
                Problem.INPUT, "input", "takes 224x224x3", ""))).isFalse();
    }
}

package io.github.metart.models.summary;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import io.github.metart.models.MetModels;
import io.github.metart.models.spec.Architecture;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layer table. */
class ModelSummaryTest {

  @Test
  void resnet18ListsItsLayersWithShapesAndCounts() {
    ModelSummary summary =
        ModelSummary.of(ModelSpec.reference(Architecture.RESNET18, HeadSpec.classifier(1000)));

    List<LayerSummary> layers = summary.layers();
    assertThat(layers.get(0))
        .isEqualTo(
            new LayerSummary(
                "backbone.conv1", "Conv2d 7x7/2 64 no-bias", new Shape(1, 64, 112, 112), 9408));
    assertThat(layers.get(1).parameters()).isEqualTo(128); // bn1: gamma and beta only
    assertThat(layers)
        .extracting(LayerSummary::path)
        .contains("backbone.maxpool", "backbone.layer1.0", "backbone.layer4.1", "backbone.avgpool", "head");
    LayerSummary head = layers.get(layers.size() - 1);
    assertThat(head.outputShape()).isEqualTo(new Shape(1, 1000));
    assertThat(head.parameters()).isEqualTo(513_000);
    assertThat(layers.stream().filter(l -> l.path().equals("backbone.layer2.0")).findFirst().get().type())
        .isEqualTo("BasicBlock + downsample");
  }

  @Test
  void renderEndsWithTheParameterLine() {
    String text =
        ModelSummary.of(MetModels.vgg(16).batchNorm(true).inputSize(112).spec(HeadSpec.regression(1500, 1900)))
            .render();

    String[] lines = text.split("\\R");
    assertThat(lines[0]).isEqualTo("vgg16_bn, 112 px, regression (1500..1900)");
    assertThat(lines[1]).startsWith("layer").contains("type").contains("output").endsWith("parameters");
    assertThat(text).contains("backbone.features.0").contains("Conv2d 3x3/1 64").contains("(1, 512, 3, 3)");
    assertThat(lines[lines.length - 1]).isEqualTo("parameters: " + (138_365_992L - 4097 * 999));
  }
}

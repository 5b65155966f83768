package io.github.metart.models.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.models.spec.Architecture;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.ModelSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The published parameter counts of the reference networks (1000 classes, 224 px, batch-norm
 * running statistics excluded), counted by initializing with empty arrays: no forward pass.
 */
class ParameterCountTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "alexnet, 61100840",
    "vgg11, 132863336",
    "vgg13, 133047848",
    "vgg16, 138357544",
    "vgg19, 143667240",
    "resnet18, 11689512",
    "resnet34, 21797672",
    "resnet50, 25557032",
    "resnet101, 44549160",
    "resnet152, 60192808"
  })
  void referenceLayoutsHaveThePublishedParameterCounts(String id, long expected) {
    ModelSpec spec = ModelSpec.reference(Architecture.fromId(id), HeadSpec.classifier(1000));

    assertThat(ModelSummary.of(spec).parameters()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}_bn: {1}")
  @CsvSource({
    "vgg11, 132868840",
    "vgg13, 133053736",
    "vgg16, 138365992",
    "vgg19, 143678248"
  })
  void batchNormVariantsHaveThePublishedParameterCounts(String id, long expected) {
    ModelSpec reference = ModelSpec.reference(Architecture.fromId(id), HeadSpec.classifier(1000));
    ModelSpec bn =
        new ModelSpec(
            reference.architecture(),
            3,
            224,
            true,
            reference.hiddenUnits(),
            reference.dropout(),
            0,
            32,
            reference.head());

    assertThat(ModelSummary.of(bn).parameters()).isEqualTo(expected);
  }
}

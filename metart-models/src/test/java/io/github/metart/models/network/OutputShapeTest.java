package io.github.metart.models.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.ModelBuilder;
import io.github.metart.models.spec.Architecture;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.ModelSpec;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import io.github.metart.models.engine.MetEngine;

/**
 * Output shapes of every family at 64, 112 and 224 px (and 448 px with an extra stem layer): real
 * forward passes (batch 1) for the cheap configurations, shape inference for all.
 */
class OutputShapeTest {

  static Stream<Arguments> forwardCases() {
    return Stream.of(
        Arguments.of("alexnet", 64, 0),
        Arguments.of("alexnet", 112, 0),
        Arguments.of("alexnet", 224, 0),
        Arguments.of("alexnet", 448, 1),
        Arguments.of("vgg11", 64, 0),
        Arguments.of("vgg11_bn", 112, 0),
        Arguments.of("vgg11", 448, 2),
        Arguments.of("resnet18", 64, 0),
        Arguments.of("resnet18", 112, 0),
        Arguments.of("resnet18", 224, 0),
        Arguments.of("resnet18", 448, 1),
        Arguments.of("resnet50", 64, 0),
        Arguments.of("resnet50", 224, 0));
  }

  @ParameterizedTest(name = "{0} at {1} px, {2} stem layers")
  @MethodSource("forwardCases")
  void forwardPassGivesOneLogitPerClass(String name, int size, int stem) {
    ModelBuilder builder = MetModels.named(name).inputSize(size).extraStem(stem);
    if (!name.startsWith("resnet")) {
      builder.hiddenUnits(64); // keeps the FC weights small; the layout is the same
    }
    try (MetModel model = builder.classifier(7);
        NDManager manager = MetEngine.newManager(null)) {
      NDArray images = manager.randomNormal(model.inputShape(1));

      NDArray outputs = model.outputs(images);

      assertThat(outputs.getShape()).isEqualTo(new Shape(1, 7));
      assertThat(outputs.isInfinite().any().getBoolean()).isFalse();
      assertThat(outputs.isNaN().any().getBoolean()).isFalse();
    }
  }

  static Stream<Arguments> allArchitecturesAndSizes() {
    return Stream.of(Architecture.values())
        .flatMap(
            a ->
                Stream.of(
                    Arguments.of(a, 64, 0),
                    Arguments.of(a, 112, 0),
                    Arguments.of(a, 224, 0),
                    Arguments.of(a, 448, 1)));
  }

  @ParameterizedTest(name = "{0} at {1} px, {2} stem layers")
  @MethodSource("allArchitecturesAndSizes")
  void everyArchitectureInfersItsShapesAtEverySize(Architecture architecture, int size, int stem) {
    ModelSpec spec =
        MetModels.builder(architecture)
            .inputSize(size)
            .extraStem(stem)
            .spec(HeadSpec.regression(1500, 1900));
    MetNetwork network = Networks.build(spec);

    Shape[] backbone = network.backbone().getOutputShapes(new Shape[] {MetModel.inputShape(spec, 1)});
    Shape[] outputs = network.getOutputShapes(new Shape[] {MetModel.inputShape(spec, 2)});

    long features =
        switch (architecture.family()) {
          case ALEXNET -> 4096;
          case VGG -> 4096;
          case RESNET -> architecture.depth() >= 50 ? 2048 : 512;
        };
    assertThat(backbone[0]).isEqualTo(new Shape(1, features));
    assertThat(outputs[0]).isEqualTo(new Shape(2, 1));
  }

  @Test
  void theStemHalvesTheInputPerLayer() {
    ModelSpec spec =
        MetModels.resnet(18).inputSize(448).extraStem(1, 16).spec(HeadSpec.classifier(3));
    MetNetwork network = Networks.build(spec);

    Shape afterStem =
        network.backbone().child("stem").getOutputShapes(new Shape[] {MetModel.inputShape(spec, 1)})[0];

    assertThat(afterStem).isEqualTo(new Shape(1, 16, 224, 224));
    assertThat(spec.networkInputSize()).isEqualTo(224);
  }

  @Test
  void inputChannelsAreHonoured() {
    try (MetModel model = MetModels.resnet(18).inputSize(64).inputChannels(1).classifier(2);
        NDManager manager = MetEngine.newManager(null)) {
      NDArray outputs = model.outputs(manager.randomNormal(new Shape(2, 1, 64, 64)));

      assertThat(outputs.getShape()).isEqualTo(new Shape(2, 2));
      assertThat(model.parameters().get("backbone_conv1_weight").getShape())
          .isEqualTo(new Shape(64, 1, 7, 7));
    }
  }
}

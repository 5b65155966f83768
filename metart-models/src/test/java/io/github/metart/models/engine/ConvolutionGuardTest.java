package io.github.metart.models.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.engine.ConvolutionGuard.NarrowConvolution;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvolutionGuardTest {

  static Block conv(int filters) {
    return Conv2d.builder()
        .setKernelShape(new Shape(3, 3))
        .optPadding(new Shape(1, 1))
        .setFilters(filters)
        .build();
  }

  /** conv(first)-bn-relu-conv(second)-relu-linear, like a narrow custom network. */
  static SequentialBlock network(int first, int second) {
    return new SequentialBlock()
        .add(conv(first))
        .add(BatchNorm.builder().build())
        .add(Activation::relu)
        .add(conv(second))
        .add(Activation::relu)
        .add(Linear.builder().setUnits(3).build());
  }

  @Test
  void findsConvolutionsWhoseOutputChannelsAreNotAMultipleOf16BehindTheFirstLayer() {
    assertThat(ConvolutionGuard.narrowConvolutions(network(8, 8)))
        .containsExactly(new NarrowConvolution("04Conv2d", 8));
    assertThat(ConvolutionGuard.narrowConvolutions(network(16, 24)))
        .containsExactly(new NarrowConvolution("04Conv2d", 24));
    assertThat(ConvolutionGuard.narrowConvolutions(network(8, 16))).isEmpty();
    assertThat(ConvolutionGuard.narrowConvolutions(network(64, 64))).isEmpty();
  }

  @Test
  void aConvolutionBehindAnotherParameterizedLayerIsAtRiskEvenFirstAmongConvolutions() {
    SequentialBlock network =
        new SequentialBlock().add(BatchNorm.builder().build()).add(conv(8));

    assertThat(ConvolutionGuard.narrowConvolutions(network))
        .containsExactly(new NarrowConvolution("02Conv2d", 8));
    assertThat(new NarrowConvolution("02Conv2d", 8).describe())
        .isEqualTo("'02Conv2d' (8 output channels)");
  }

  @Test
  void noArchitectureOfMetartHasAConvolutionAtRisk() {
    for (String name : List.of("alexnet", "vgg11", "vgg16_bn", "resnet18", "resnet50")) {
      try (MetModel model = MetModels.named(name).inputSize(64).classifier(3)) {
        assertThat(ConvolutionGuard.narrowConvolutions(model.djlModel().getBlock()))
            .as(name)
            .isEmpty();
      }
    }
  }

  @Test
  void aCapBelowAvx512IsRecognized() {
    assertThat(ConvolutionGuard.capsBelowAvx512("AVX2")).isTrue();
    assertThat(ConvolutionGuard.capsBelowAvx512("avx2_vnni")).isTrue();
    assertThat(ConvolutionGuard.capsBelowAvx512("SSE41")).isTrue();
    assertThat(ConvolutionGuard.capsBelowAvx512("AVX")).isTrue();
    assertThat(ConvolutionGuard.capsBelowAvx512("AVX512_CORE")).isFalse();
    assertThat(ConvolutionGuard.capsBelowAvx512("AVX10_1_512")).isFalse();
    assertThat(ConvolutionGuard.capsBelowAvx512("ALL")).isFalse();
    assertThat(ConvolutionGuard.capsBelowAvx512("DEFAULT")).isFalse();
  }

  @Test
  void aNetworkWithoutRiskOrOffTheCpuIsLeftAlone() {
    try (ConvolutionGuard.Scope scope = ConvolutionGuard.protect(network(16, 16), true)) {
      assertThat(scope.action()).isEmpty();
    }
    try (ConvolutionGuard.Scope scope = ConvolutionGuard.protect(network(8, 8), false)) {
      assertThat(scope.action()).isEmpty();
    }
    assertThat(ConvolutionGuard.oneDnnEnabled()).isTrue();
  }
}

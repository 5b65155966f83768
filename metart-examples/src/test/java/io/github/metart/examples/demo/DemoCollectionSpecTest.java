package io.github.metart.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoCollectionSpecTest {

  @Test
  void demoDefaults() {
    DemoCollectionSpec spec = DemoCollectionSpec.demo();

    assertThat(spec.seed()).isEqualTo(42);
    assertThat(spec.objectsPerCulture()).isEqualTo(150);
    assertThat(spec.imageSize()).isEqualTo(96);
    assertThat(spec.imageFormat()).isEqualTo(DemoImageFormat.JPEG);
    assertThat(spec.malformedRows()).isTrue();
    assertThat(spec.toBuilder().build()).isEqualTo(spec);
  }

  @Test
  void rejectsOutOfRangeValuesSayingWhatIsAllowed() {
    assertThatThrownBy(() -> DemoCollectionSpec.builder().objectsPerCulture(3).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("objectsPerCulture must be in 4..20000, was 3");
    assertThatThrownBy(() -> DemoCollectionSpec.builder().imageSize(2000).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("imageSize must be in 16..1024 pixels, was 2000");
    assertThatThrownBy(() -> DemoCollectionSpec.builder().imageFormat(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("imageFormat");
  }
}

package io.github.metart.data.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LibraryVersionTest {

  @Test
  void namesTheLibraryAndTheJavaRuntime() {
    LibraryVersion version = LibraryVersion.current();

    assertThat(version.metart()).isNotBlank();
    assertThat(version.java()).isEqualTo(Runtime.version().toString());
  }
}

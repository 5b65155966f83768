package io.github.metart.models.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuFeaturesTest {

  @Test
  void readsTheFirstModelNameAndFlagsOfACpuinfoText() {
    CpuFeatures cpu =
        CpuFeatures.parse(
            List.of(
                "processor\t: 0",
                "model name\t: AMD EPYC 9R14",
                "flags\t\t: fpu sse4_2 avx avx2 fma avx512f avx512dq avx512bw avx512vl",
                "",
                "processor\t: 1",
                "model name\t: something else",
                "flags\t\t: fpu"));

    assertThat(cpu.model()).isEqualTo("AMD EPYC 9R14");
    assertThat(cpu.hasAvx512()).isTrue();
    assertThat(cpu.hasAvx2()).isTrue();
    assertThat(cpu.widestVectorSet()).isEqualTo("AVX-512");
    assertThat(cpu.describe())
        .isEqualTo("AMD EPYC 9R14, AVX-512 (avx512bw avx512dq avx512f avx512vl)");
  }

  @Test
  void anAvx2CpuHasNoAvx512() {
    CpuFeatures cpu =
        CpuFeatures.parse(List.of("model name : Intel Core", "flags : sse4_2 avx avx2 fma"));

    assertThat(cpu.hasAvx512()).isFalse();
    assertThat(cpu.describe()).isEqualTo("Intel Core, AVX2");
  }

  @Test
  void anUnreadableFileIsAnUnknownCpu() {
    CpuFeatures cpu = CpuFeatures.read(Path.of("/no/such/cpuinfo"));

    assertThat(cpu.model()).isEqualTo("unknown");
    assertThat(cpu.flags()).isEmpty();
    assertThat(cpu.widestVectorSet()).isEqualTo("unknown");
  }
}

package io.github.metart.models.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The regression test of the fault {@link ConvolutionGuard} protects from: where the CPU has
 * AVX-512 (and no cap in the environment keeps oneDNN below it), a narrow convolution's input
 * gradient comes out wrong (seen on AMD EPYC), and under the guard it comes out right. Skipped,
 * saying so, without AVX-512; on an AVX-512 CPU where the fault does not show (seen on Intel
 * Sapphire Rapids) the guard is still checked and the test then says the fault was not seen.
 */
class OneDnnAvx512FaultTest {

  private static final int TRIES = 32;

  @Test
  void theFaultShowsWithAvx512OneDnnAndTheGuardRemovesIt() {
    assumeTrue(
        CpuFeatures.current().hasAvx512(),
        "skipped: this CPU has no AVX-512 (" + CpuFeatures.current().describe() + ")");
    assumeTrue(
        ConvolutionGuard.avx512ConvolutionsPossible(),
        "skipped: the environment caps oneDNN below AVX-512 ("
            + ConvolutionGuard.isaCap().orElse("")
            + ")");
    assertThat(ConvolutionGuard.oneDnnEnabled()).isTrue();

    // seen on AMD EPYC (Zen 4) with AVX-512; Intel Xeons with AVX-512 FP16/AMX (Sapphire Rapids)
    // run other oneDNN kernels and compute these gradients right
    ConvolutionProbe unguarded = ConvolutionProbe.run(TRIES);

    try (ConvolutionGuard.Scope scope =
        ConvolutionGuard.protect(ConvolutionGuardTest.network(8, 8), true)) {
      assertThat(scope.action()).isPresent();
      assertThat(scope.action().get())
          .contains("'04Conv2d' (8 output channels)")
          .contains("ONEDNN_MAX_CPU_ISA=AVX2");
      assertThat(ConvolutionGuard.oneDnnEnabled()).isFalse();
      assertThat(ConvolutionGuard.divergenceHint(ConvolutionGuardTest.network(8, 8))).isEmpty();

      ConvolutionProbe guarded = ConvolutionProbe.run(TRIES);

      assertThat(guarded.corrupts()).as(guarded.describe()).isFalse();
      assertThat(guarded.describe()).isEqualTo("all 32 convolution input gradients right");
    }
    assertThat(ConvolutionGuard.oneDnnEnabled()).isTrue();
    assumeTrue(
        unguarded.corrupts(),
        "the guard works here, but the fault itself did not show on this AVX-512 CPU ("
            + CpuFeatures.current().describe()
            + "): "
            + unguarded.describe());
    assertThat(ConvolutionGuard.divergenceHint(ConvolutionGuardTest.network(8, 8)))
        .hasValueSatisfying(
            hint ->
                assertThat(hint)
                    .contains("oneDNN AVX-512")
                    .contains("'04Conv2d' (8 output channels)")
                    .endsWith("start Java with ONEDNN_MAX_CPU_ISA=AVX2 in the environment"));
  }

  @Test
  void nestedScopesRestoreOneDnnOnlyWhenTheLastCloses() {
    assumeTrue(
        ConvolutionGuard.avx512ConvolutionsPossible(),
        "skipped: AVX-512 oneDNN convolutions are not possible here");
    ConvolutionGuard.Scope outer = ConvolutionGuard.protect(ConvolutionGuardTest.network(8, 8), true);
    ConvolutionGuard.Scope inner = ConvolutionGuard.protect(ConvolutionGuardTest.network(4, 4), true);
    inner.close();
    assertThat(ConvolutionGuard.oneDnnEnabled()).isFalse();
    inner.close();
    assertThat(ConvolutionGuard.oneDnnEnabled()).isFalse();
    outer.close();
    assertThat(ConvolutionGuard.oneDnnEnabled()).isTrue();
  }
}

package io.github.metart.examples.doctor;

import io.github.metart.models.engine.ConvolutionGuard;
import io.github.metart.models.engine.ConvolutionProbe;
import io.github.metart.models.engine.CpuFeatures;
import io.github.metart.models.engine.MetEngine;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The CPU's instruction set and what PyTorch's CPU kernels make of it: whether oneDNN's AVX-512
 * convolutions compute wrong gradients here (tried with {@link ConvolutionProbe}) and what metart
 * does about it, and whether NNPACK could start.
 */
final class CpuCheck implements PreflightCheck {

  /** How many tries of the convolution probe the doctor makes. */
  static final int PROBE_TRIES = 32;

  /**
   * What the machine says about its CPU.
   *
   * @param cpu the CPU's model and flags
   * @param isaCap oneDNN's instruction-set cap from the environment, if any
   * @param probe the convolution probe's result, where AVX-512 oneDNN convolutions are possible
   * @param nnpackDisabled whether NNPACK could not start and was switched off
   */
  public record CpuFacts(
      CpuFeatures cpu,
      Optional<String> isaCap,
      Optional<ConvolutionProbe> probe,
      boolean nnpackDisabled) {}

  private final Supplier<CpuFacts> facts;

  /** A check of the given facts. */
  public CpuCheck(Supplier<CpuFacts> facts) {
    this.facts = facts;
  }

  /** A check of this machine (starts the engine and runs the probe, a fraction of a second). */
  public static CpuCheck ofRunningJvm() {
    return new CpuCheck(
        () ->
            new CpuFacts(
                CpuFeatures.current(),
                ConvolutionGuard.isaCap(),
                ConvolutionGuard.avx512ConvolutionsPossible()
                    ? Optional.of(ConvolutionProbe.run(PROBE_TRIES))
                    : Optional.empty(),
                MetEngine.nnpackDisabled()));
  }

  @Override
  public List<CheckResult> run() {
    CpuFacts f = facts.get();
    CheckResult cpu = CheckResult.ok("cpu", f.cpu().describe());
    CheckResult convolutions;
    if (f.probe().isEmpty()) {
      convolutions =
          CheckResult.ok(
              "onednn",
              f.isaCap()
                  .map(cap -> "oneDNN capped at " + cap + " by the environment")
                  .orElse("no AVX-512 on this CPU")
                  + ": oneDNN's AVX-512 convolution fault cannot occur");
    } else if (f.probe().get().corrupts()) {
      convolutions =
          CheckResult.warn(
              "onednn",
              "oneDNN's AVX-512 convolutions compute wrong input gradients here ("
                  + f.probe().get().describe()
                  + " for a 16 -> 8 channel layer); metart's architectures (multiples of 16"
                  + " channels) are not affected, and metart's Trainer.fit trains any network with"
                  + " narrower layers on PyTorch's own kernels, automatically",
              "nothing to do for metart; for other PyTorch programs on this machine, or to keep"
                  + " oneDNN for narrow networks, set ONEDNN_MAX_CPU_ISA=AVX2 before Java starts"
                  + " (about 40 % slower convolutions)");
    } else {
      convolutions =
          CheckResult.ok(
              "onednn",
              "oneDNN's AVX-512 convolutions: " + f.probe().get().describe() + " here");
    }
    CheckResult nnpack =
        CheckResult.ok(
            "nnpack",
            f.nnpackDisabled()
                ? "NNPACK cannot start on this CPU: switched off, so PyTorch does not warn at"
                    + " every convolution"
                : "NNPACK starts on this CPU");
    return List.of(cpu, convolutions, nnpack);
  }
}

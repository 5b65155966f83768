package io.github.metart.examples.doctor;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import io.github.metart.models.engine.EngineInfo;
import java.io.File;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The GPUs PyTorch sees, the NVIDIA driver and CUDA runtime on the machine, and what follows. */
final class GpuCheck implements PreflightCheck {

  /**
   * What the machine says about GPUs.
   *
   * @param gpuCount the GPUs the engine sees
   * @param driverPresent whether an NVIDIA driver is loaded ({@code /proc/driver/nvidia} or {@code
   *     nvidia-smi})
   * @param cudaRuntime the CUDA runtime version found on the library path, e.g. {@code 12.4}
   * @param devices one description per GPU
   */
  public record CudaFacts(
      int gpuCount, boolean driverPresent, Optional<String> cudaRuntime, List<String> devices) {

    /** Copies the devices. */
    public CudaFacts {
      devices = List.copyOf(devices);
    }
  }

  private final Supplier<CudaFacts> facts;

  /** A check of the given facts. */
  public GpuCheck(Supplier<CudaFacts> facts) {
    this.facts = facts;
  }

  /** A check of this machine. */
  public static GpuCheck ofRunningJvm() {
    return new GpuCheck(GpuCheck::probe);
  }

  @Override
  public List<CheckResult> run() {
    CudaFacts f = facts.get();
    String runtime = f.cudaRuntime().map(v -> "CUDA runtime " + v).orElse("no CUDA runtime");
    if (f.gpuCount() > 0) {
      return List.of(
          CheckResult.ok(
              "gpu",
              f.gpuCount() + (f.gpuCount() == 1 ? " GPU: " : " GPUs: ") + String.join("; ", f.devices())
                  + " (" + runtime + ")"));
    }
    if (f.driverPresent()) {
      return List.of(
          CheckResult.warn(
              "gpu",
              "an NVIDIA driver is installed but PyTorch sees no GPU: the CPU build of PyTorch is loaded",
              "to train on the GPU run METART_GPU=1 METART_ALLOW_DOWNLOADS=1 ./metart doctor once: DJL"
                  + " then fetches the CUDA build of PyTorch matching the driver (README, GPU)"));
    }
    if (f.cudaRuntime().isPresent()) {
      return List.of(
          CheckResult.ok(
              "gpu",
              "none: training runs on the CPU. "
                  + runtime
                  + " libraries are installed but no NVIDIA driver is loaded, so DJL's warning"
                  + " 'Failed to detect GPU count: CUDA driver version is insufficient' is harmless"));
    }
    return List.of(CheckResult.ok("gpu", "none: training runs on the CPU (the demo needs no GPU)"));
  }

  private static CudaFacts probe() {
    int gpus;
    try {
      gpus = EngineInfo.current().gpuCount();
    } catch (RuntimeException | LinkageError e) {
      gpus = 0;
    }
    Optional<String> runtime;
    try {
      int version = CudaUtils.getCudaVersion();
      runtime = Optional.of(version / 1000 + "." + (version % 1000) / 10);
    } catch (RuntimeException | LinkageError e) {
      runtime = Optional.empty();
    }
    List<String> devices = new ArrayList<>();
    for (int i = 0; i < gpus; i++) {
      try {
        MemoryUsage memory = CudaUtils.getGpuMemory(Device.gpu(i));
        devices.add(
            String.format(
                Locale.ROOT,
                "gpu(%d) compute capability %s, %s",
                i,
                CudaUtils.getComputeCapability(i),
                Bytes.format(memory.getMax())));
      } catch (RuntimeException | LinkageError e) {
        devices.add("gpu(" + i + ")");
      }
    }
    boolean driver = Files.exists(Path.of("/proc/driver/nvidia/version")) || onPath("nvidia-smi");
    return new CudaFacts(gpus, driver, runtime, devices);
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}

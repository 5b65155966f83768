package io.github.metart.models.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The instruction-set extensions of this machine's CPU, as the kernel reports them in {@code
 * /proc/cpuinfo} (Linux); empty elsewhere. metart needs them because PyTorch's oneDNN kernels
 * choose their code path by them, and one of those paths (AVX-512) computes wrong gradients for some
 * layers (see {@link ConvolutionGuard}).
 *
 * @param model the CPU's model name, e.g. {@code AMD EPYC}, or {@code unknown}
 * @param flags the feature flags in lower case, e.g. {@code avx2}, {@code avx512f}
 */
public record CpuFeatures(String model, Set<String> flags) {

  private static final Path CPUINFO = Path.of("/proc/cpuinfo");
  private static final CpuFeatures CURRENT = read(CPUINFO);

  /** Validates and copies. */
  public CpuFeatures {
    Objects.requireNonNull(model, "model");
    flags = Set.copyOf(flags);
  }

  /** This machine's CPU (read once). */
  public static CpuFeatures current() {
    return CURRENT;
  }

  /**
   * Reads a {@code /proc/cpuinfo}-format file: the first {@code model name} and {@code flags} lines.
   * A file that cannot be read gives an unknown CPU without flags.
   */
  public static CpuFeatures read(Path cpuinfo) {
    List<String> lines;
    try {
      lines = Files.readAllLines(cpuinfo, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return new CpuFeatures("unknown", Set.of());
    }
    return parse(lines);
  }

  /** Parses the lines of a {@code /proc/cpuinfo}-format text. */
  public static CpuFeatures parse(List<String> lines) {
    String model = "unknown";
    Set<String> flags = Set.of();
    boolean modelSeen = false;
    boolean flagsSeen = false;
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      if (!modelSeen && key.equals("model name")) {
        model = value.isEmpty() ? "unknown" : value;
        modelSeen = true;
      } else if (!flagsSeen && key.equals("flags")) {
        flags =
            Arrays.stream(value.split("\\s+"))
                .filter(flag -> !flag.isEmpty())
                .map(flag -> flag.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        flagsSeen = true;
      }
    }
    return new CpuFeatures(model, flags);
  }

  /** Whether the CPU has AVX-512 (the foundation instructions, {@code avx512f}). */
  public boolean hasAvx512() {
    return flags.contains("avx512f");
  }

  /** Whether the CPU has AVX2. */
  public boolean hasAvx2() {
    return flags.contains("avx2");
  }

  /** The widest vector instruction set: {@code AVX-512}, {@code AVX2}, {@code AVX} or {@code unknown}. */
  public String widestVectorSet() {
    if (hasAvx512()) {
      return "AVX-512";
    }
    if (hasAvx2()) {
      return "AVX2";
    }
    return flags.contains("avx") ? "AVX" : "unknown";
  }

  /**
   * One line such as {@code AMD EPYC, AVX-512 (avx512bw avx512cd avx512dq avx512f avx512vl ...)}.
   */
  public String describe() {
    Set<String> avx512 = new TreeSet<>();
    for (String flag : flags) {
      if (flag.startsWith("avx512")) {
        avx512.add(flag);
      }
    }
    String detail = avx512.isEmpty() ? "" : " (" + String.join(" ", avx512) + ")";
    return model + ", " + widestVectorSet() + detail;
  }
}

package io.github.metart.train.config;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which devices to train on: {@link #auto()} (every visible GPU, each batch split across them, else
 * the CPU), {@link #cpu()}, or a list of GPUs by index.
 *
 * @param mode how the devices are chosen
 * @param gpus for {@link Mode#GPUS}: the GPU indices, distinct, 0 or more; empty otherwise
 */
public record DeviceChoice(Mode mode, List<Integer> gpus) {

  /** How devices are chosen. */
  public enum Mode {
    /** Every visible GPU, else the CPU. */
    AUTO,
    /** The CPU, even when GPUs are visible. */
    CPU,
    /** The listed GPUs. */
    GPUS
  }

  /** Validates the choice. */
  public DeviceChoice {
    checkArgument(mode != null, "the device mode is missing (auto, cpu or gpus)");
    gpus = gpus == null ? List.of() : List.copyOf(gpus);
    checkArgument(
        mode == Mode.GPUS || gpus.isEmpty(), "GPU indices are only allowed with mode gpus");
    checkArgument(mode != Mode.GPUS || !gpus.isEmpty(), "mode gpus needs at least one GPU index");
    checkArgument(
        gpus.stream().allMatch(i -> i != null && i >= 0),
        "GPU indices must be 0 or more, got %s",
        gpus);
    checkArgument(
        gpus.stream().distinct().count() == gpus.size(), "GPU indices repeat: %s", gpus);
  }

  /** Every visible GPU, else the CPU. */
  public static DeviceChoice auto() {
    return new DeviceChoice(Mode.AUTO, List.of());
  }

  /** The CPU. */
  public static DeviceChoice cpu() {
    return new DeviceChoice(Mode.CPU, List.of());
  }

  /** The given GPUs, each batch split across them. */
  public static DeviceChoice gpus(int... indices) {
    List<Integer> list = new ArrayList<>();
    for (int index : indices) {
      list.add(index);
    }
    return new DeviceChoice(Mode.GPUS, list);
  }

  /**
   * Parses {@code auto}, {@code cpu}, {@code gpu} (same as auto but failing without a GPU is left
   * to the selection), or a list of GPU indices such as {@code 0,1} or {@code gpu:0,1}.
   */
  public static DeviceChoice parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.equals("auto") || value.equals("gpu") || value.equals("gpus")) {
      return auto();
    }
    if (value.equals("cpu")) {
      return cpu();
    }
    if (value.startsWith("gpu:")) {
      value = value.substring(4);
    }
    List<Integer> indices = new ArrayList<>();
    for (String part : value.split(",")) {
      try {
        indices.add(Integer.parseInt(part.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "unknown devices '" + text + "': use auto, cpu, or GPU indices such as 0,1");
      }
    }
    return new DeviceChoice(Mode.GPUS, indices);
  }

  /** One line such as {@code auto}, {@code cpu} or {@code gpus 0,1}. */
  public String describe() {
    return switch (mode) {
      case AUTO -> "auto";
      case CPU -> "cpu";
      case GPUS -> "gpus " + String.join(",", gpus.stream().map(String::valueOf).toList());
    };
  }
}

package io.github.metart.train.devices;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.Device;
import io.github.metart.train.config.DeviceChoice;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices a run trains on, chosen from a {@link DeviceChoice} and the GPUs the engine sees:
 * every batch is split across {@link #devices()}; the first one holds the optimizer state and does
 * the update.
 *
 * @param devices the devices, at least one, no repeats
 * @param reason why they were chosen, for the log
 */
public record DevicePlan(List<Device> devices, String reason) {

  /** Validates the plan. */
  public DevicePlan {
    devices = List.copyOf(devices);
    checkArgument(!devices.isEmpty(), "a device plan needs at least one device");
    checkArgument(
        devices.stream().distinct().count() == devices.size(), "devices repeat: %s", devices);
  }

  /**
   * Chooses the devices.
   *
   * @param choice what the configuration asks for
   * @param visibleGpus how many GPUs the engine sees
   * @throws IllegalArgumentException when a requested GPU is not visible (the message lists the
   *     visible ones)
   */
  public static DevicePlan select(DeviceChoice choice, int visibleGpus) {
    checkArgument(visibleGpus >= 0, "visible GPUs must be 0 or more, got %s", visibleGpus);
    switch (choice.mode()) {
      case CPU:
        return new DevicePlan(List.of(Device.cpu()), "the CPU, as configured");
      case AUTO:
        if (visibleGpus == 0) {
          return new DevicePlan(List.of(Device.cpu()), "the CPU: no GPU is visible");
        }
        List<Device> all = new ArrayList<>();
        for (int i = 0; i < visibleGpus; i++) {
          all.add(Device.gpu(i));
        }
        return new DevicePlan(
            all,
            visibleGpus == 1
                ? "the only visible GPU"
                : "all " + visibleGpus + " visible GPUs, each batch split across them");
      case GPUS:
        List<Device> chosen = new ArrayList<>();
        for (int index : choice.gpus()) {
          if (index >= visibleGpus) {
            throw new IllegalArgumentException(
                "GPU "
                    + index
                    + " was requested but "
                    + (visibleGpus == 0
                        ? "no GPU is visible (is the CUDA build of PyTorch installed?)"
                        : "only GPUs 0.." + (visibleGpus - 1) + " are visible"));
          }
          chosen.add(Device.gpu(index));
        }
        return new DevicePlan(
            chosen,
            chosen.size() == 1
                ? "GPU " + choice.gpus().get(0) + ", as configured"
                : "GPUs " + choice.gpus() + " as configured, each batch split across them");
      default:
        throw new IllegalStateException("unknown device mode " + choice.mode());
    }
  }

  /** The device that holds the optimizer state. */
  public Device main() {
    return devices.get(0);
  }

  /** Whether training runs on the CPU only. */
  public boolean isCpu() {
    return devices.size() == 1 && Device.Type.CPU.equals(main().getDeviceType());
  }

  /** The devices as an array, for DJL. */
  public Device[] toArray() {
    return devices.toArray(new Device[0]);
  }

  /** One line such as {@code cpu() (the CPU: no GPU is visible)}. */
  public String describe() {
    return devices + " (" + reason + ")";
  }
}

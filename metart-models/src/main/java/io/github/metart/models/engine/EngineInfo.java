package io.github.metart.models.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Objects;

/**
 * What deep learning engine metart runs on: name and version of the engine (PyTorch), of DJL, the
 * GPUs it sees and the device it uses by default. Recorded with every model and checkpoint so a
 * result can be traced, and printed by {@code metart doctor}.
 *
 * @param engineName the DJL engine name, e.g. {@code PyTorch}
 * @param engineVersion the engine's own version, e.g. {@code 2.7.1}
 * @param djlVersion the DJL version, e.g. {@code 0.36.0}
 * @param gpuCount the number of GPUs the engine sees
 * @param defaultDevice the device arrays go to unless told otherwise
 * @param offline whether DJL runs offline (never downloads)
 */
public record EngineInfo(
    String engineName,
    String engineVersion,
    String djlVersion,
    int gpuCount,
    String defaultDevice,
    boolean offline) {

  /** The name of the engine metart is built for. */
  public static final String PYTORCH = "PyTorch";

  /** Validates the fields. */
  public EngineInfo {
    Objects.requireNonNull(engineName, "engineName");
    Objects.requireNonNull(engineVersion, "engineVersion");
    Objects.requireNonNull(djlVersion, "djlVersion");
    Objects.requireNonNull(defaultDevice, "defaultDevice");
  }

  /**
   * Starts (if needed) and describes the PyTorch engine.
   *
   * @throws ai.djl.engine.EngineException when PyTorch's native library cannot be loaded; the message
   *     says which native library was looked for
   */
  public static EngineInfo current() {
    Engine engine = MetEngine.engine();
    Device device = engine.defaultDevice();
    return new EngineInfo(
        engine.getEngineName(),
        engine.getVersion(),
        Engine.getDjlVersion(),
        engine.getGpuCount(),
        device.toString(),
        Boolean.getBoolean("ai.djl.offline"));
  }

  /** One line such as {@code PyTorch 2.7.1 (DJL 0.36.0) on cpu(), 0 GPUs, offline}. */
  public String describe() {
    return engineName
        + " "
        + engineVersion
        + " (DJL "
        + djlVersion
        + ") on "
        + defaultDevice
        + ", "
        + gpuCount
        + (gpuCount == 1 ? " GPU" : " GPUs")
        + (offline ? ", offline" : ", downloads allowed");
  }
}

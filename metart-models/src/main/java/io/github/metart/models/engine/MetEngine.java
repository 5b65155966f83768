package io.github.metart.models.engine;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way metart reaches its engine: PyTorch through DJL, set up once for this CPU before its
 * first operation. The set-up switches NNPACK off where it cannot start (PyTorch would otherwise
 * print "Could not initialize NNPACK! Reason: Unsupported hardware" at every convolution, through
 * the command line and the library alike); {@link ConvolutionGuard} handles oneDNN's AVX-512
 * convolutions per training run. Code that builds its own DJL networks and wants the same set-up
 * calls {@link #engine()} (or {@link #newManager(Device)}) instead of {@code Engine.getEngine}.
 */
public final class MetEngine {

  private static final Logger LOG = LoggerFactory.getLogger(MetEngine.class);

  private static volatile boolean prepared;
  private static volatile boolean nnpackDisabled;

  private MetEngine() {}

  /**
   * The PyTorch engine, started (offline unless downloads are allowed) and set up for this CPU.
   *
   * @throws ai.djl.engine.EngineException when PyTorch's native library cannot be loaded
   */
  public static Engine engine() {
    Engine engine = Engine.getEngine(EngineInfo.PYTORCH);
    if (!prepared) {
      prepare();
    }
    return engine;
  }

  /** A new root manager on the device ({@code null}: the engine's default). */
  public static NDManager newManager(Device device) {
    Engine engine = engine();
    return device == null ? engine.newBaseManager() : engine.newBaseManager(device);
  }

  /** A new, empty DJL model on the device ({@code null}: the engine's default). */
  public static Model newModel(String name, Device device) {
    engine();
    return Model.newInstance(name, device, EngineInfo.PYTORCH);
  }

  /** Whether the set-up switched NNPACK off because it cannot start on this CPU. */
  public static boolean nnpackDisabled() {
    engine();
    return nnpackDisabled;
  }

  private static synchronized void prepare() {
    if (prepared) {
      return;
    }
    try {
      nnpackDisabled =
          PyTorchNatives.get().map(PyTorchNatives::disableNnpackWhereUnavailable).orElse(false);
      if (nnpackDisabled) {
        LOG.debug("NNPACK cannot start on this CPU: switched off (PyTorch falls back anyway)");
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("NNPACK could not be checked: {}", e.toString());
    }
    prepared = true;
  }
}

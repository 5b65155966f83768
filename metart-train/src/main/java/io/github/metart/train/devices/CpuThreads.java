package io.github.metart.train.devices;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import io.github.metart.models.engine.EngineInfo;
import io.github.metart.models.engine.MetEngine;

/**
 * The CPU thread settings of a run: PyTorch's intra-op compute threads and the threads that prepare
 * batches. By default compute uses one thread per processor the JVM may use (which respects
 * container CPU limits, unlike PyTorch's own default of one per physical core of the host), and
 * loading uses half the processors, 1 to 4.
 *
 * @param computeThreads PyTorch intra-op threads
 * @param loaderThreads batch preparation threads
 */
public record CpuThreads(int computeThreads, int loaderThreads) {

  /** Validates the settings. */
  public CpuThreads {
    checkArgument(computeThreads >= 1, "compute threads must be at least 1, got %s", computeThreads);
    checkArgument(loaderThreads >= 1, "loader threads must be at least 1, got %s", loaderThreads);
  }

  /**
   * The settings for a configuration's requests.
   *
   * @param requestedCompute compute threads, 0 for automatic
   * @param requestedLoaders loader threads, 0 for automatic
   * @param processors the processors available to the JVM
   */
  public static CpuThreads choose(int requestedCompute, int requestedLoaders, int processors) {
    int compute = requestedCompute > 0 ? requestedCompute : Math.max(1, processors);
    int loaders = requestedLoaders > 0 ? requestedLoaders : Math.max(1, Math.min(4, processors / 2));
    return new CpuThreads(compute, loaders);
  }

  /**
   * Sets PyTorch's intra-op threads when the engine is PyTorch (a process-wide setting).
   *
   * @return the number of compute threads PyTorch reports afterwards, or -1 for another engine
   */
  public int apply() {
    if (!EngineInfo.PYTORCH.equals(MetEngine.engine().getEngineName())) {
      return -1;
    }
    if (JniUtils.getNumThreads() != computeThreads) {
      JniUtils.setNumThreads(computeThreads);
    }
    return JniUtils.getNumThreads();
  }

  /** One line such as {@code 2 compute threads, 1 loader thread}. */
  public String describe() {
    return computeThreads
        + (computeThreads == 1 ? " compute thread, " : " compute threads, ")
        + loaderThreads
        + (loaderThreads == 1 ? " loader thread" : " loader threads");
  }
}

package io.github.metart.models.engine;

import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few switches of libtorch's global context that DJL does not expose: whether oneDNN (mkldnn)
 * and NNPACK may be used, and the c10 log level. Called through JNA (which DJL itself depends on) on
 * the symbols libtorch exports; written by hand because no library offers them. Every call is
 * optional: where a symbol is missing (another PyTorch build, another platform), the switch is
 * reported as unavailable and nothing changes.
 */
final class PyTorchNatives {

  private static final Logger LOG = LoggerFactory.getLogger(PyTorchNatives.class);

  private static final String GLOBAL_CONTEXT = "_ZN2at13globalContextEv";
  private static final String SET_MKLDNN = "_ZN2at7Context20setUserEnabledMkldnnEb";
  private static final String GET_MKLDNN = "_ZNK2at7Context17userEnabledMkldnnEv";
  private static final String SET_NNPACK = "_ZN2at7Context20setUserEnabledNNPACKEb";
  private static final String NNPACK_AVAILABLE = "_ZN2at6native17_nnpack_availableEv";
  private static final String LOG_LEVEL = "FLAGS_caffe2_log_level";
  private static final int LOG_LEVEL_ERROR = 2;

  private static volatile PyTorchNatives instance;

  private final NativeLibrary torch;
  private final NativeLibrary c10;
  private final Pointer context;

  private PyTorchNatives(NativeLibrary torch, NativeLibrary c10, Pointer context) {
    this.torch = torch;
    this.c10 = c10;
    this.context = context;
  }

  /**
   * The natives of the loaded PyTorch engine, or empty where they cannot be reached (not Linux, a
   * libtorch without the symbols). The engine must be loaded.
   */
  static Optional<PyTorchNatives> get() {
    PyTorchNatives natives = instance;
    if (natives != null) {
      return Optional.of(natives);
    }
    synchronized (PyTorchNatives.class) {
      if (instance == null) {
        instance = open().orElse(null);
      }
      return Optional.ofNullable(instance);
    }
  }

  private static Optional<PyTorchNatives> open() {
    if (!System.getProperty("os.name", "").startsWith("Linux")) {
      return Optional.empty();
    }
    try {
      Path folder = Path.of(LibUtils.getLibtorchPath());
      Path torchCpu = folder.resolve("libtorch_cpu.so");
      Path c10 = folder.resolve("libc10.so");
      if (!Files.isRegularFile(torchCpu) || !Files.isRegularFile(c10)) {
        LOG.debug("no libtorch_cpu.so / libc10.so in {}", folder);
        return Optional.empty();
      }
      NativeLibrary torch = NativeLibrary.getInstance(torchCpu.toString());
      NativeLibrary c10Library = NativeLibrary.getInstance(c10.toString());
      Pointer context = torch.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
      if (context == null) {
        return Optional.empty();
      }
      return Optional.of(new PyTorchNatives(torch, c10Library, context));
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("libtorch's global context is not reachable: {}", e.toString());
      return Optional.empty();
    }
  }

  /** Whether PyTorch may use oneDNN (mkldnn) kernels, e.g. for float32 convolutions on the CPU. */
  boolean oneDnnEnabled() {
    return (torch.getFunction(GET_MKLDNN).invokeInt(new Object[] {context}) & 0xFF) != 0;
  }

  /** Lets PyTorch use oneDNN kernels or not; takes effect at the next operation. */
  void setOneDnnEnabled(boolean enabled) {
    torch.getFunction(SET_MKLDNN).invokeVoid(new Object[] {context, enabled ? 1 : 0});
  }

  /**
   * Turns NNPACK off where it cannot start on this CPU. Asking PyTorch whether NNPACK is available
   * tries to start it, and a failed start prints "Could not initialize NNPACK! Reason: Unsupported
   * hardware" at every convolution; the question is asked with warnings muted, and an unavailable
   * NNPACK is switched off so that it is never tried again. Nothing is computed differently: PyTorch
   * falls back from an unavailable NNPACK anyway.
   *
   * @return whether NNPACK was switched off
   */
  boolean disableNnpackWhereUnavailable() {
    Function available = torch.getFunction(NNPACK_AVAILABLE);
    Function setNnpack = torch.getFunction(SET_NNPACK);
    Pointer logLevel = c10.getGlobalVariableAddress(LOG_LEVEL);
    int previous = logLevel.getInt(0);
    boolean isAvailable;
    logLevel.setInt(0, Math.max(previous, LOG_LEVEL_ERROR));
    try {
      isAvailable = (available.invokeInt(new Object[0]) & 0xFF) != 0;
    } finally {
      logLevel.setInt(0, previous);
    }
    if (!isAvailable) {
      setNnpack.invokeVoid(new Object[] {context, 0});
    }
    return !isAvailable;
  }
}

package io.github.metart.examples.doctor;

import ai.djl.util.Utils;
import io.github.metart.models.engine.EngineInfo;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Starts the PyTorch engine (offline unless downloads are allowed) and says where its native library
 * came from.
 */
final class EngineCheck implements PreflightCheck {

  private final Supplier<EngineInfo> engine;
  private final Supplier<NativeLibrarySource> source;
  private final Supplier<Optional<String>> loadedFrom;

  /**
   * A check with the given probes.
   *
   * @param engine starts the engine and describes it; may throw when PyTorch cannot load
   * @param source says where DJL will look for the natives
   * @param loadedFrom the folder the natives were loaded from, once started
   */
  public EngineCheck(
      Supplier<EngineInfo> engine,
      Supplier<NativeLibrarySource> source,
      Supplier<Optional<String>> loadedFrom) {
    this.engine = engine;
    this.source = source;
    this.loadedFrom = loadedFrom;
  }

  /** A check of this JVM's PyTorch engine. */
  public static EngineCheck ofRunningJvm() {
    return new EngineCheck(
        EngineInfo::current,
        () ->
            NativeLibrarySource.find(
                Utils::getEnvOrSystemProperty, Thread.currentThread().getContextClassLoader()),
        NativeLibrarySource::loadedFrom);
  }

  @Override
  public List<CheckResult> run() {
    NativeLibrarySource natives = source.get();
    EngineInfo info;
    try {
      info = engine.get();
    } catch (RuntimeException | LinkageError e) {
      String fix = fixFor(natives);
      return List.of(
          CheckResult.fail("engine", "PyTorch did not start: " + oneLine(e), fix),
          CheckResult.fail("natives", natives.description(), fix));
    }
    String detail = info.describe();
    CheckResult engineResult =
        EngineInfo.PYTORCH.equals(info.engineName())
            ? CheckResult.ok("engine", detail)
            : CheckResult.warn(
                "engine",
                detail + " (metart is built and tested on PyTorch)",
                "put ai.djl.pytorch:pytorch-engine first on the class path");
    String from = loadedFrom.get().map(dir -> ", loaded from " + dir).orElse("");
    CheckResult nativesResult;
    if (natives.kind() == NativeLibrarySource.Kind.DOWNLOAD) {
      nativesResult =
          CheckResult.ok(
              "natives", "no native jar on the class path: DJL's downloaded build" + from);
    } else {
      nativesResult = CheckResult.ok("natives", natives.description() + from);
    }
    return List.of(engineResult, nativesResult);
  }

  static String fixFor(NativeLibrarySource natives) {
    return switch (natives.kind()) {
      case OVERRIDE ->
          "PYTORCH_LIBRARY_PATH points at a libtorch that did not load: unset it, or point it at a"
              + " libtorch 2.7.1 build for this machine";
      case NATIVE_JAR ->
          "the native jar is on the class path but did not load: check that its classifier matches"
              + " this machine ("
              + System.getProperty("os.name")
              + " "
              + System.getProperty("os.arch")
              + ") and that the DJL cache is writable; --verbose shows the cause";
      case DOWNLOAD ->
          "no PyTorch natives on the class path and DJL may not download them: run through ./metart"
              + " (it ships pytorch-native-cpu), add ai.djl.pytorch:pytorch-native-cpu:2.7.1:"
              + "linux-x86_64 and ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0 to your class path, or allow"
              + " one download with METART_ALLOW_DOWNLOADS=1 (network needed once)";
    };
  }

  private static String oneLine(Throwable t) {
    Throwable root = t;
    StringBuilder text = new StringBuilder();
    while (root != null) {
      if (root.getMessage() != null && !root.getMessage().isBlank()) {
        if (text.length() > 0) {
          text.append(": ");
        }
        text.append(root.getMessage().strip().replaceAll("\\s*\\R\\s*", "; "));
      }
      if (root.getCause() == root) {
        break;
      }
      root = root.getCause();
    }
    return text.length() == 0 ? t.getClass().getSimpleName() : text.toString();
  }
}

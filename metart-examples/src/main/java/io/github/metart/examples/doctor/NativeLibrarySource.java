package io.github.metart.examples.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Where PyTorch's native library comes from, in DJL's order: the {@code PYTORCH_LIBRARY_PATH}
 * override, a {@code pytorch-native-*} jar on the class path (extracted into the DJL cache), or a
 * download into the DJL cache.
 *
 * @param kind how the natives are found
 * @param description one line for the report
 */
record NativeLibrarySource(Kind kind, String description) {

  /** How the natives are found. */
  public enum Kind {
    /** {@code PYTORCH_LIBRARY_PATH} points at an installed libtorch. */
    OVERRIDE,
    /** A {@code pytorch-native-<flavor>} jar is on the class path. */
    NATIVE_JAR,
    /** No natives at hand: DJL downloads the build matching the machine (needs network once). */
    DOWNLOAD
  }

  static final String PROPERTIES_RESOURCE = "native/lib/pytorch.properties";

  /**
   * Finds the source the way DJL will.
   *
   * @param settings looks up an environment variable or system property (DJL reads both)
   * @param loader the class loader DJL will search
   */
  public static NativeLibrarySource find(UnaryOperator<String> settings, ClassLoader loader) {
    String override = settings.apply("PYTORCH_LIBRARY_PATH");
    if (override != null && !override.isBlank()) {
      return new NativeLibrarySource(Kind.OVERRIDE, "PYTORCH_LIBRARY_PATH=" + override);
    }
    URL resource = loader.getResource(PROPERTIES_RESOURCE);
    if (resource != null) {
      Properties properties = new Properties();
      try (InputStream in = resource.openStream()) {
        properties.load(in);
      } catch (IOException e) {
        return new NativeLibrarySource(
            Kind.NATIVE_JAR, "native jar " + jarOf(resource) + " (unreadable: " + e.getMessage() + ")");
      }
      if (!Boolean.parseBoolean(properties.getProperty("placeholder", "false"))) {
        String flavor = properties.getProperty("flavor", "?");
        return new NativeLibrarySource(
            Kind.NATIVE_JAR,
            "pytorch-native-"
                + flavor
                + " "
                + properties.getProperty("version", "?")
                + " jar on the class path ("
                + jarOf(resource)
                + ")");
      }
    }
    return new NativeLibrarySource(
        Kind.DOWNLOAD, "no native jar on the class path: DJL downloads the matching PyTorch build");
  }

  /** The folder the running engine loaded libtorch from, once the engine has started. */
  public static Optional<String> loadedFrom() {
    try {
      return Optional.of(ai.djl.pytorch.jni.LibUtils.getLibtorchPath());
    } catch (RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  private static String jarOf(URL resource) {
    String text = resource.toString();
    int bang = text.indexOf("!/");
    if (text.startsWith("jar:file:") && bang > 0) {
      return text.substring("jar:file:".length(), bang);
    }
    return text;
  }
}

package io.github.metart.examples.doctor;

import ai.djl.util.Utils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * DJL's cache folder ({@code DJL_CACHE_DIR}, default {@code ~/.djl.ai}): PyTorch's natives are
 * extracted (or downloaded) there on first start, so it must be writable and have room.
 */
final class DjlCacheCheck implements PreflightCheck {

  /** Room a first start may need: the CPU build extracts to about 0.5 GiB, CUDA builds to 2–3 GiB. */
  public static final long ROOM_FOR_NATIVES = 3 * Bytes.GIB;

  private final Path cacheDirectory;
  private final String origin;
  private final Path engineCacheDirectory;

  /**
   * A check of the given folders.
   *
   * @param cacheDirectory DJL's cache folder
   * @param origin how it was chosen, for the report (e.g. {@code DJL_CACHE_DIR})
   * @param engineCacheDirectory where engines keep their natives (usually the same folder)
   */
  public DjlCacheCheck(Path cacheDirectory, String origin, Path engineCacheDirectory) {
    this.cacheDirectory = cacheDirectory;
    this.origin = origin;
    this.engineCacheDirectory = engineCacheDirectory;
  }

  /** A check of the folders DJL uses in this JVM. */
  public static DjlCacheCheck ofRunningJvm() {
    String configured = Utils.getEnvOrSystemProperty("DJL_CACHE_DIR");
    String origin =
        configured == null || configured.isBlank() ? "default, DJL_CACHE_DIR unset" : "DJL_CACHE_DIR";
    return new DjlCacheCheck(Utils.getCacheDir(), origin, Utils.getEngineCacheDir());
  }

  @Override
  public List<CheckResult> run() {
    String problem = Writability.problem(cacheDirectory);
    if (!problem.isEmpty()) {
      return List.of(
          CheckResult.fail(
              "djl cache",
              cacheDirectory + " (" + origin + "): " + problem,
              "set DJL_CACHE_DIR to a writable folder with "
                  + Bytes.format(ROOM_FOR_NATIVES)
                  + " free (PyTorch's natives are extracted there on first start)"));
    }
    Path pytorch = engineCacheDirectory.resolve("pytorch");
    List<String> builds = new ArrayList<>();
    long size;
    try {
      if (Files.isDirectory(pytorch)) {
        try (Stream<Path> entries = Files.list(pytorch)) {
          entries
              .filter(Files::isDirectory)
              .filter(d -> Files.exists(d.resolve(System.mapLibraryName("torch"))))
              .map(d -> d.getFileName().toString())
              .sorted()
              .forEach(builds::add);
        }
      }
      size = Bytes.sizeOf(cacheDirectory);
      if (!engineCacheDirectory.normalize().startsWith(cacheDirectory.normalize())) {
        size += Bytes.sizeOf(engineCacheDirectory);
      }
    } catch (IOException e) {
      return List.of(
          CheckResult.warn(
              "djl cache",
              "cannot read " + cacheDirectory + ": " + e.getMessage(),
              "check the folder's permissions, or set DJL_CACHE_DIR to another folder"));
    }
    StringBuilder detail =
        new StringBuilder(cacheDirectory.toString())
            .append(" (")
            .append(origin)
            .append("): writable, ")
            .append(Bytes.format(size));
    if (!engineCacheDirectory.equals(cacheDirectory)) {
      detail.append("; engines in ").append(engineCacheDirectory);
    }
    detail
        .append("; PyTorch builds: ")
        .append(builds.isEmpty() ? "none extracted yet" : String.join(", ", builds));
    if (builds.isEmpty()) {
      Path existing = Bytes.existingAncestor(engineCacheDirectory);
      try {
        long usable = Files.getFileStore(existing).getUsableSpace();
        if (usable < ROOM_FOR_NATIVES) {
          return List.of(
              CheckResult.warn(
                  "djl cache",
                  detail + "; only " + Bytes.format(usable) + " free for the first extraction",
                  "free space there or set DJL_CACHE_DIR to a folder with "
                      + Bytes.format(ROOM_FOR_NATIVES)
                      + " free"));
        }
      } catch (IOException e) {
        // the free space is informative only; writability was proven above
      }
    }
    return List.of(CheckResult.ok("djl cache", detail.toString()));
  }
}

package io.github.metart.examples.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Free disk space where metart will write. */
final class DiskSpaceCheck implements PreflightCheck {

  /** Below this, not even the demo fits. */
  public static final long DEFAULT_FAIL_BELOW = 512 * Bytes.MIB;

  /** Below this, the demo fits but real Met data (CSV, images, prepared caches) may not. */
  public static final long DEFAULT_WARN_BELOW = 5 * Bytes.GIB;

  private final Path directory;
  private final long failBelow;
  private final long warnBelow;

  /**
   * A check of the disk holding {@code directory} (or its nearest existing parent).
   *
   * @param failBelow fail with less usable space than this
   * @param warnBelow warn with less usable space than this
   */
  public DiskSpaceCheck(Path directory, long failBelow, long warnBelow) {
    this.directory = directory;
    this.failBelow = failBelow;
    this.warnBelow = warnBelow;
  }

  /** A check with the default limits. */
  public DiskSpaceCheck(Path directory) {
    this(directory, DEFAULT_FAIL_BELOW, DEFAULT_WARN_BELOW);
  }

  @Override
  public List<CheckResult> run() {
    Path existing = Bytes.existingAncestor(directory);
    if (existing == null) {
      return List.of(
          CheckResult.fail(
              "disk", "no part of " + directory + " exists", "pass --dir with a folder on a mounted disk"));
    }
    long usable;
    try {
      usable = Files.getFileStore(existing).getUsableSpace();
    } catch (IOException e) {
      return List.of(
          CheckResult.warn(
              "disk",
              "cannot read the free space of " + existing + ": " + e.getMessage(),
              "check the free space yourself (df -h " + existing + ")"));
    }
    String found = existing + ": " + Bytes.format(usable) + " free";
    if (usable < failBelow) {
      return List.of(
          CheckResult.fail(
              "disk",
              found + ", less than the " + Bytes.format(failBelow) + " even the demo needs",
              "free space on that disk or pass --dir with a folder on a larger one"));
    }
    if (usable < warnBelow) {
      return List.of(
          CheckResult.warn(
              "disk",
              found + ": enough for the demo, tight for real Met data",
              "real data needs " + Bytes.format(warnBelow) + " or more (MetObjects.csv is ≈300 MB;"
                  + " images and prepared caches take several GiB): free space or use --dir elsewhere"));
    }
    return List.of(CheckResult.ok("disk", found));
  }
}

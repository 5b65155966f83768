package io.github.metart.examples.doctor;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/** Sizes for people: {@code 512 B}, {@code 3.4 MiB}, {@code 120.5 GiB}. */
final class Bytes {

  static final long MIB = 1024L * 1024;
  static final long GIB = 1024L * MIB;

  private Bytes() {}

  static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** The total size of the regular files under a folder (0 when it does not exist). */
  static long sizeOf(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return 0;
    }
    long[] total = {0};
    Files.walkFileTree(
        directory,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            total[0] += attributes.size();
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
    return total[0];
  }

  /** The folder itself when it exists, else its nearest existing parent. */
  static Path existingAncestor(Path path) {
    Path current = path.toAbsolutePath().normalize();
    while (current != null && !Files.exists(current)) {
      current = current.getParent();
    }
    return current;
  }
}

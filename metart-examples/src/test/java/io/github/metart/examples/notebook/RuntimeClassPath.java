package io.github.metart.examples.notebook;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The metart-examples runtime class path, exactly what {@code ./metart classpath} prints and what
 * {@code jshell --class-path} gets: {@code target/classes} plus {@code target/classpath.txt}
 * (written by the build's generate-resources phase).
 */
final class RuntimeClassPath {

  private RuntimeClassPath() {}

  /** The module folder (surefire runs tests there and sets {@code basedir}). */
  static Path moduleDirectory() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
  }

  /** The repository root: the module folder's parent. */
  static Path repositoryRoot() {
    return moduleDirectory().getParent();
  }

  /** The entries of the runtime class path. */
  static List<Path> entries() {
    Path target = moduleDirectory().resolve("target");
    Path listing = target.resolve("classpath.txt");
    if (!Files.isRegularFile(listing)) {
      throw new IllegalStateException(
          listing + " is missing: build the module first (./mvnw -pl metart-examples -am package)");
    }
    List<Path> entries = new ArrayList<>();
    entries.add(target.resolve("classes"));
    try {
      for (String entry : Files.readString(listing, StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          entries.add(Path.of(entry));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + listing + ": " + e.getMessage(), e);
    }
    return List.copyOf(entries);
  }

  /** The entries joined with the platform's path separator. */
  static String asString(List<Path> entries) {
    return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
  }
}

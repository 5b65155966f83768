package io.github.metart.examples.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The folder metart will write to is writable (or can be created). */
final class OutputDirectoryCheck implements PreflightCheck {

  private final Path directory;

  /** A check of the given folder. */
  public OutputDirectoryCheck(Path directory) {
    this.directory = directory;
  }

  @Override
  public List<CheckResult> run() {
    String problem = Writability.problem(directory);
    if (!problem.isEmpty()) {
      return List.of(
          CheckResult.fail(
              "output",
              problem,
              "pass --dir with a folder you can write to, or make it writable (chmod u+w)"));
    }
    if (Files.isDirectory(directory)) {
      return List.of(CheckResult.ok("output", directory.toAbsolutePath().normalize() + " is writable"));
    }
    return List.of(
        CheckResult.ok(
            "output",
            directory.toAbsolutePath().normalize()
                + " will be created ("
                + Bytes.existingAncestor(directory)
                + " is writable)"));
  }
}

package io.github.metart.examples.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether metart could write into a folder, tried for real with a temporary file. */
final class Writability {

  private Writability() {}

  /**
   * Tries to create and delete a file in the folder, or in its nearest existing parent when the
   * folder does not exist yet.
   *
   * @return empty when writable, else the reason
   */
  static String problem(Path directory) {
    Path target = Bytes.existingAncestor(directory);
    if (target == null) {
      return "no part of " + directory + " exists";
    }
    if (!Files.isDirectory(target)) {
      return target + " is a file, not a folder";
    }
    try {
      Path probe = Files.createTempFile(target, ".metart-doctor", ".tmp");
      Files.delete(probe);
      return "";
    } catch (IOException | SecurityException e) {
      return target + " is not writable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }
  }
}

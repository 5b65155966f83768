package io.github.metart.data.dataset;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The identity of the {@code MetObjects.csv} a dataset was built from: enough to tell whether a
 * file at hand is the same one.
 *
 * @param name the file name (no directory, so manifests do not leak paths), or a description for
 *     in-memory input
 * @param bytes the file size in bytes, {@code -1} when unknown
 * @param sha256 the SHA-256 of the file's bytes in lowercase hex, {@code ""} when unknown
 * @param rowsRead the rows that were read and usable
 * @param rowsSkipped the rows that were skipped (see the read report)
 */
public record InputFile(String name, long bytes, String sha256, long rowsRead, long rowsSkipped) {

  /** Validates the counts and the digest. */
  public InputFile {
    requireNonNull(name, "name");
    requireNonNull(sha256, "sha256");
    checkArgument(
        sha256.isEmpty() || sha256.matches("[0-9a-f]{64}"),
        "sha256 must be 64 lowercase hex digits, got '%s'",
        sha256);
    checkArgument(rowsRead >= 0 && rowsSkipped >= 0, "row counts must be >= 0");
  }

  /** Input that did not come from a file (objects given in memory). */
  public static InputFile inMemory(String description, long rows) {
    return new InputFile(description, -1, "", rows, 0);
  }
}

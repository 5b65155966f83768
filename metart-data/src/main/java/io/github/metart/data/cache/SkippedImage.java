package io.github.metart.data.cache;

import java.util.Objects;

/**
 * An object whose image could not be prepared.
 *
 * @param objectId the Met Object ID
 * @param problem a short category for counting: {@code no image}, {@code truncated}, {@code
 *     corrupt}, {@code not an image}, {@code too large}...
 * @param reason the full reason, naming the file when there is one (the object is {@code objectId})
 */
public record SkippedImage(long objectId, String problem, String reason) {

  /** Validates the fields. */
  public SkippedImage {
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(reason, "reason");
  }
}

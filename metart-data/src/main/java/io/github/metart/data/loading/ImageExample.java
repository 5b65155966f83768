package io.github.metart.data.loading;

/**
 * One example for a {@link CachedImageDataset}: an object whose image is in the prepared cache,
 * and its training target (the class index, or the year normalized to 0..1, as ARCHITECTURE.md
 * describes).
 *
 * @param objectId the Met Object ID
 * @param target the target value; a finite number
 */
public record ImageExample(long objectId, float target) {

  /** Validates the target. */
  public ImageExample {
    if (!Float.isFinite(target)) {
      throw new IllegalArgumentException("object " + objectId + ": target must be finite, got " + target);
    }
  }
}

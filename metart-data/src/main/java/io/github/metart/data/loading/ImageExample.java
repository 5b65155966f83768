package io.github.metart.data.loading;

import java.util.Arrays;

/**
 * One example for a {@link CachedImageDataset}: an object whose image is in the prepared cache,
 * and its training labels: usually one target (the class index, or the year normalized to 0..1, as
 * ARCHITECTURE.md describes); the year task trained on intervals carries three (year, begin and
 * end, normalized; see {@link io.github.metart.data.dataset.YearTarget#labels}).
 *
 * @param objectId the Met Object ID
 * @param labels the label values, at least one, all finite (copied)
 */
public record ImageExample(long objectId, float[] labels) {

  /** Validates and copies the labels. */
  public ImageExample {
    if (labels == null || labels.length == 0) {
      throw new IllegalArgumentException("object " + objectId + ": at least one label value is needed");
    }
    labels = labels.clone();
    for (float value : labels) {
      if (!Float.isFinite(value)) {
        throw new IllegalArgumentException(
            "object " + objectId + ": target must be finite, got " + Arrays.toString(labels));
      }
    }
  }

  /** An example with one target value. */
  public ImageExample(long objectId, float target) {
    this(objectId, new float[] {target});
  }

  /** The first label value: the target (class index or normalized year). */
  public float target() {
    return labels[0];
  }

  /** A copy of the label values. */
  @Override
  public float[] labels() {
    return labels.clone();
  }

  /** The number of label values. */
  public int width() {
    return labels.length;
  }

  /** Equal Object ID and label values. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ImageExample e && e.objectId == objectId && Arrays.equals(e.labels, labels);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(objectId) * 31 + Arrays.hashCode(labels);
  }

  @Override
  public String toString() {
    return "ImageExample[objectId=" + objectId + ", labels=" + Arrays.toString(labels) + "]";
  }
}

package io.github.metart.eval.confusion;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * How often objects of one actual class were predicted as another class.
 *
 * @param actual the actual class
 * @param predicted the class they were predicted as (different from {@code actual})
 * @param count how many objects (positive)
 */
public record Confusion(String actual, String predicted, long count) {

  /** Validates two different classes and a positive count. */
  public Confusion {
    requireNonNull(actual, "actual");
    requireNonNull(predicted, "predicted");
    checkArgument(!actual.equals(predicted), "a confusion needs two classes, got '%s'", actual);
    checkArgument(count > 0, "a confusion needs a positive count, got %s", count);
  }

  /** E.g. {@code roman predicted as etruscan: 9}. */
  @Override
  public String toString() {
    return actual + " predicted as " + predicted + ": " + count;
  }
}

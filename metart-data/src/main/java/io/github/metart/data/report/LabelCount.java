package io.github.metart.data.report;

import static java.util.Objects.requireNonNull;

/**
 * A label (or raw value) and how many objects have it.
 *
 * @param label the label
 * @param count the number of objects
 */
public record LabelCount(String label, long count) {

  /** Checks the fields. */
  public LabelCount {
    requireNonNull(label, "label");
  }
}

package io.github.metart.eval.analysis;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A measure over the objects of one group, e.g. the accuracy over the objects of the department
 * {@code Asian Art}.
 *
 * @param group the group's value of the metadata field
 * @param count how many objects the group holds (positive)
 * @param value the measure over those objects
 */
public record GroupScore(String group, int count, double value) {

  /** Validates the group and count. */
  public GroupScore {
    requireNonNull(group, "group");
    checkArgument(count > 0, "group '%s' must hold objects, got %s", group, count);
  }
}

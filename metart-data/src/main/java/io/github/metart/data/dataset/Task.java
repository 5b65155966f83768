package io.github.metart.data.dataset;

import java.util.Locale;

/** The two learning tasks metart prepares data for. */
public enum Task {
  /**
   * Classification of the normalized Culture label; the target is the class index into the
   * dataset's ordered label list.
   */
  CULTURE,
  /**
   * Regression of the year; the target is the year normalized to 0..1 over the dataset's
   * {@code [minYear, maxYear]}.
   */
  YEAR;

  /** The lowercase name used on the command line and in manifests: {@code culture}, {@code year}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The task with this {@link #id()} (case-insensitive). */
  public static Task fromId(String id) {
    for (Task task : values()) {
      if (task.id().equalsIgnoreCase(id.strip())) {
        return task;
      }
    }
    throw new IllegalArgumentException("unknown task '" + id + "': expected culture or year");
  }
}

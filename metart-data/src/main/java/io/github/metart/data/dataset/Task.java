package io.github.metart.data.dataset;

import java.util.Locale;

/** The learning tasks metart prepares data for. */
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
  YEAR,
  /**
   * Culture and year together, for one model with two heads: objects that have both a culture
   * label and a year interval inside the dataset's range. The target is the class index (the
   * dataset's labels are the cultures); the year is normalized over the range as for {@link #YEAR}.
   */
  CULTURE_YEAR;

  /**
   * The name used on the command line and in manifests: {@code culture}, {@code year}, {@code
   * culture+year}.
   */
  public String id() {
    return this == CULTURE_YEAR ? "culture+year" : name().toLowerCase(Locale.ROOT);
  }

  /** Whether the objects carry culture labels (culture and culture+year). */
  public boolean hasCultures() {
    return this != YEAR;
  }

  /** Whether every object carries a year inside the dataset's range (year and culture+year). */
  public boolean hasYears() {
    return this != CULTURE;
  }

  /** The task with this {@link #id()} (case-insensitive). */
  public static Task fromId(String id) {
    for (Task task : values()) {
      if (task.id().equalsIgnoreCase(id.strip())) {
        return task;
      }
    }
    throw new IllegalArgumentException(
        "unknown task '" + id + "': expected culture, year or culture+year");
  }
}

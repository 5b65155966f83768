package io.github.metart.data.dataset;

import java.util.Locale;

/** The three disjoint parts of a dataset. */
public enum Split {
  TRAIN,
  VALIDATION,
  TEST;

  /** The lowercase name: {@code train}, {@code validation}, {@code test}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The file name of this split in a prepared folder's {@code splits/}: e.g. {@code train.csv}. */
  public String fileName() {
    return id() + ".csv";
  }

  /** The split with this {@link #id()} (case-insensitive; {@code val} is accepted for validation). */
  public static Split fromId(String id) {
    String key = id.strip().toLowerCase(Locale.ROOT);
    if (key.equals("val")) {
      return VALIDATION;
    }
    for (Split split : values()) {
      if (split.id().equals(key)) {
        return split;
      }
    }
    throw new IllegalArgumentException(
        "unknown split '" + id + "': expected train, validation or test");
  }
}

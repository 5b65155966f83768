package io.github.metart.data.dataset;

import java.util.Locale;

/**
 * What a year model is trained towards, chosen per run ({@code metart train --year-target}): the
 * object's whole date interval, the one year prepare drew from it, or its middle. The prepared
 * folder is the same for all three, so an experiment can compare them on one dataset.
 *
 * <p>The dataset labels of the year task follow the choice (see {@link YearTarget#labels}): one
 * normalized year per object for {@link #RANDOM} and {@link #MIDPOINT}, and three for {@link
 * #INTERVAL} (the year label, the interval's begin and its end, each normalized).
 */
public enum YearTargetChoice {
  /**
   * The interval {@code [begin, end]}: the direct head's loss is zero anywhere inside it and grows
   * with the distance to the nearer end outside it; the binned head learns soft targets spread over
   * the bins the interval covers.
   */
  INTERVAL,
  /**
   * The year label prepare stored: with prepare's default {@code --labeling uniform} one year drawn
   * uniformly inside the interval, seeded by the prepare seed and the Object ID (the classic recipe).
   * The default, so that runs and their checkpoints stay as before.
   */
  RANDOM,
  /** The middle of the interval ({@link io.github.metart.data.dates.YearRange#midpoint()}). */
  MIDPOINT;

  /** The choice used when none is given. */
  public static final YearTargetChoice DEFAULT = RANDOM;

  /** The lower-case name used on the command line and in files, e.g. {@code interval}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The choice named {@code id} (case-insensitive); throws listing the choices otherwise. */
  public static YearTargetChoice parse(String id) {
    for (YearTargetChoice choice : values()) {
      if (choice.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
        return choice;
      }
    }
    throw new IllegalArgumentException(
        "unknown year target '" + id + "': use interval, random or midpoint");
  }

  /** The number of label values per object: 3 for {@link #INTERVAL}, else 1. */
  public int labelWidth() {
    return this == INTERVAL ? 3 : 1;
  }
}

package io.github.metart.data.dataset;

/** How the year task turns an object's year interval into one year label. */
public enum YearLabeling {
  /**
   * A year drawn uniformly from the interval, seeded by the recipe's seed and the Object ID, so the
   * same object always gets the same year for the same seed (the classic recipe). The default.
   */
  UNIFORM,
  /** The middle of the interval. */
  MIDPOINT
}

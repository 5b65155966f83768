package io.github.metart.eval.analysis;

/** What a {@link Breakdown} measures in each group. */
public enum Measure {
  /** The share of correctly classified objects; higher is better. */
  ACCURACY("accuracy", true),
  /** The mean absolute year error in years; lower is better. */
  MEAN_YEAR_ERROR("mean year error", false);

  private final String displayName;
  private final boolean higherIsBetter;

  Measure(String displayName, boolean higherIsBetter) {
    this.displayName = displayName;
    this.higherIsBetter = higherIsBetter;
  }

  /** The measure's name for people, e.g. {@code mean year error}. */
  public String displayName() {
    return displayName;
  }

  /** Whether a higher value is better. */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }
}

package io.github.metart.models.heads;

import static java.util.Objects.requireNonNull;

/**
 * What a culture-and-year model predicts for one image: the culture probabilities and the year.
 *
 * @param culture the culture head's prediction
 * @param year the year head's prediction
 */
public record CultureYearPrediction(ClassPrediction culture, YearPrediction year) implements Prediction {

  /** Checks that both are present. */
  public CultureYearPrediction {
    requireNonNull(culture, "culture");
    requireNonNull(year, "year");
  }

  /** Both, e.g. {@code japanese 0.81, 1783}. */
  @Override
  public String describe() {
    return culture.describe() + ", " + year.describe();
  }
}

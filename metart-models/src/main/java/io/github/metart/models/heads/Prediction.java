package io.github.metart.models.heads;

/** What a model predicts for one image: class probabilities, a year, or both. */
public sealed interface Prediction permits ClassPrediction, YearPrediction, CultureYearPrediction {

  /** One line for people, e.g. {@code Japan 0.81} or {@code 1783}. */
  String describe();
}

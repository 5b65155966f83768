package io.github.metart.models.heads;

/** What a model predicts for one image: class probabilities or a year. */
public sealed interface Prediction permits ClassPrediction, YearPrediction {

  /** One line for people, e.g. {@code Japan 0.81} or {@code 1783}. */
  String describe();
}

package io.github.metart.eval.evaluation;

import java.util.Map;

/** What was measured on one split: a classification or a year result. */
public sealed interface EvaluationResult permits ClassificationResult, YearResult {

  /** {@code classification} or {@code year}. */
  String kind();

  /** The number of evaluated objects. */
  int count();

  /** The numbers that sum the result up, in display order. */
  Map<HeadlineMetric, Double> headline();
}

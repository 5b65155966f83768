package io.github.metart.models.heads;

import io.github.metart.data.dataset.YearTarget;
import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * A head that predicts a year in {@code [minYear, maxYear]}. Targets are years normalized to 0..1
 * over that range: {@code (year - minYear) / (maxYear - minYear)}.
 */
public sealed interface YearHead extends Head permits RegressionHead, BinnedYearHead {

  /** The first year of the range (B.C. negative). */
  int minYear();

  /** The last year of the range. */
  int maxYear();

  /** The year a normalized value stands for: {@code minYear + normalized * (maxYear - minYear)}. */
  default double toYear(double normalized) {
    return target().decode(normalized);
  }

  /** The dataset target this head predicts: the one mapping between years and 0..1. */
  default YearTarget target() {
    return new YearTarget(minYear(), maxYear());
  }

  /** The normalized value of a year: {@code (year - minYear) / (maxYear - minYear)}. */
  default double normalize(double year) {
    return target().normalize(year);
  }

  /**
   * Whether a batch of dataset labels carries intervals: {@code [B, 3]} (year, begin, end, each
   * normalized), as the year task trained on the Met's intervals writes them.
   */
  static boolean isInterval(NDArray labels) {
    return labels.getShape().dimension() == 2 && labels.getShape().get(1) == 3;
  }

  /**
   * The predicted normalized years of a batch of outputs, as a {@code [B]} array in 0..1 (computed
   * on the outputs' device, e.g. for validation metrics during training).
   */
  NDArray normalizedYears(NDArray outputs);

  @Override
  List<YearPrediction> predict(NDArray outputs);
}

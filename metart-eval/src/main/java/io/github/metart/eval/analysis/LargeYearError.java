package io.github.metart.eval.analysis;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.eval.outcomes.YearOutcome;
import io.github.metart.eval.outcomes.YearOutcomes;
import java.net.URI;
import java.util.Comparator;
import java.util.List;

/**
 * One of the objects whose year was missed the most, with what a person needs to open it on the
 * Met's website.
 *
 * @param prediction the object's prediction
 */
public record LargeYearError(YearOutcome prediction) {

  /** Checks that nothing is missing. */
  public LargeYearError {
    requireNonNull(prediction, "prediction");
  }

  /**
   * The {@code n} objects with the largest absolute year error, largest first (ties by Object ID).
   */
  public static List<LargeYearError> largest(YearOutcomes predictions, int n) {
    checkArgument(n >= 0, "ask for 0 or more objects, got %s", n);
    return predictions.outcomes().stream()
        .sorted(
            Comparator.comparingDouble(YearOutcome::absoluteError)
                .reversed()
                .thenComparingLong(p -> p.object().objectId()))
        .limit(n)
        .map(LargeYearError::new)
        .toList();
  }

  /** The Met Object ID. */
  public long objectId() {
    return prediction.object().objectId();
  }

  /** The absolute error in years. */
  public double absoluteError() {
    return prediction.absoluteError();
  }

  /** The object's page on the Met's website. */
  public URI metUrl() {
    return prediction.object().metUrl();
  }
}

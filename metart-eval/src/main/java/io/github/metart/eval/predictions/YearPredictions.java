package io.github.metart.eval.predictions;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A year regressor's predictions over one split: the input of the year metrics, the year error
 * analysis and the year plots.
 *
 * @param predictions one prediction per object (Object IDs unique); may be empty
 */
public record YearPredictions(List<YearPrediction> predictions) {

  /** Validates that every Object ID occurs once. */
  public YearPredictions {
    predictions = List.copyOf(requireNonNull(predictions, "predictions"));
    Set<Long> ids = new HashSet<>();
    for (YearPrediction p : predictions) {
      checkArgument(
          ids.add(p.object().objectId()),
          "object %s occurs twice among the predictions",
          p.object().objectId());
    }
  }

  /**
   * Predictions given as plain arrays, for using the metrics on their own. Objects get the Object
   * IDs 1..n; each object's date interval is its actual year rounded (halves up).
   *
   * @param actual the actual year of each object
   * @param predicted the predicted year of each object, as many as {@code actual}
   */
  public static YearPredictions of(double[] actual, double[] predicted) {
    requireNonNull(actual, "actual");
    requireNonNull(predicted, "predicted");
    checkArgument(
        actual.length == predicted.length,
        "%s actual years but %s predicted ones",
        actual.length,
        predicted.length);
    Builder builder = builder();
    for (int i = 0; i < actual.length; i++) {
      int year = (int) Math.round(actual[i]);
      builder.add(
          new YearPrediction(ObjectMetadata.ofId(i + 1L), actual[i], predicted[i], year, year));
    }
    return builder.build();
  }

  /** A builder collecting predictions. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of predictions. */
  public int size() {
    return predictions.size();
  }

  /** Whether there are no predictions. */
  public boolean isEmpty() {
    return predictions.isEmpty();
  }

  /** The actual years in prediction order. */
  public double[] actualYears() {
    return predictions.stream().mapToDouble(YearPrediction::actualYear).toArray();
  }

  /** The predicted years in prediction order. */
  public double[] predictedYears() {
    return predictions.stream().mapToDouble(YearPrediction::predictedYear).toArray();
  }

  /** Collects predictions; validation happens in {@link #build()}. */
  public static final class Builder {
    private final List<YearPrediction> predictions = new ArrayList<>();

    private Builder() {}

    /** Adds one prediction. */
    public Builder add(YearPrediction prediction) {
      predictions.add(requireNonNull(prediction, "prediction"));
      return this;
    }

    /** Adds one prediction. */
    public Builder add(
        ObjectMetadata object,
        double actualYear,
        double predictedYear,
        int intervalBegin,
        int intervalEnd) {
      return add(new YearPrediction(object, actualYear, predictedYear, intervalBegin, intervalEnd));
    }

    /** The validated predictions. */
    public YearPredictions build() {
      return new YearPredictions(predictions);
    }
  }
}

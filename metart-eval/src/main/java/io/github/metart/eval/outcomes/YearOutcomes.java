package io.github.metart.eval.outcomes;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The outcomes of a year model over one split (each prediction joined to its object's truth): the input of the year metrics, the year error
 * analysis and the year plots.
 *
 * @param outcomes one outcome per object (Object IDs unique); may be empty
 */
public record YearOutcomes(List<YearOutcome> outcomes) {

  /** Validates that every Object ID occurs once. */
  public YearOutcomes {
    outcomes = List.copyOf(requireNonNull(outcomes, "outcomes"));
    Set<Long> ids = new HashSet<>();
    for (YearOutcome p : outcomes) {
      checkArgument(
          ids.add(p.object().objectId()),
          "object %s occurs twice among the predictions",
          p.object().objectId());
    }
  }

  /**
   * Outcomes given as plain arrays, for using the metrics on their own. Objects get the Object
   * IDs 1..n; each object's date interval is its actual year rounded (halves up).
   *
   * @param actual the actual year of each object
   * @param predicted the predicted year of each object, as many as {@code actual}
   */
  public static YearOutcomes of(double[] actual, double[] predicted) {
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
          new YearOutcome(ObjectMetadata.ofId(i + 1L), actual[i], predicted[i], year, year));
    }
    return builder.build();
  }

  /** A builder collecting outcomes. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of outcomes. */
  public int size() {
    return outcomes.size();
  }

  /** Whether there are no outcomes. */
  public boolean isEmpty() {
    return outcomes.isEmpty();
  }

  /** The actual years in outcome order. */
  public double[] actualYears() {
    return outcomes.stream().mapToDouble(YearOutcome::actualYear).toArray();
  }

  /** The predicted years in outcome order. */
  public double[] predictedYears() {
    return outcomes.stream().mapToDouble(YearOutcome::predictedYear).toArray();
  }

  /** Collects outcomes; validation happens in {@link #build()}. */
  public static final class Builder {
    private final List<YearOutcome> outcomes = new ArrayList<>();

    private Builder() {}

    /** Adds one outcome. */
    public Builder add(YearOutcome outcome) {
      outcomes.add(requireNonNull(outcome, "outcome"));
      return this;
    }

    /** Adds one outcome. */
    public Builder add(
        ObjectMetadata object,
        double actualYear,
        double predictedYear,
        int intervalBegin,
        int intervalEnd) {
      return add(new YearOutcome(object, actualYear, predictedYear, intervalBegin, intervalEnd));
    }

    /** The validated outcomes. */
    public YearOutcomes build() {
      return new YearOutcomes(outcomes);
    }
  }
}

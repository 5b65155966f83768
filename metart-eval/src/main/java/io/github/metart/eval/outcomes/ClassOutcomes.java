package io.github.metart.eval.outcomes;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The outcomes of a classifier over one split (each prediction joined to its object's truth),
 * with the ordered label list the class indices point into. This is the input of every classification metric, the confusion matrix and the error
 * analysis.
 *
 * @param labels the class names in index order (at least one, no duplicates, none blank)
 * @param outcomes one outcome per object (Object IDs unique); may be empty
 */
public record ClassOutcomes(List<String> labels, List<ClassOutcome> outcomes) {

  /** Validates that every index points into the labels and every Object ID occurs once. */
  public ClassOutcomes {
    labels = List.copyOf(requireNonNull(labels, "labels"));
    outcomes = List.copyOf(requireNonNull(outcomes, "outcomes"));
    checkArgument(!labels.isEmpty(), "at least one label is needed");
    Set<String> seen = new HashSet<>();
    for (String label : labels) {
      checkArgument(!label.isBlank(), "labels must not be blank: %s", labels);
      checkArgument(seen.add(label), "label '%s' occurs twice in %s", label, labels);
    }
    Set<Long> ids = new HashSet<>();
    for (ClassOutcome p : outcomes) {
      long id = p.object().objectId();
      checkArgument(ids.add(id), "object %s occurs twice among the predictions", id);
      checkArgument(
          p.actual() < labels.size(),
          "object %s: actual class %s is out of range, %s labels (0..%s)",
          id,
          p.actual(),
          labels.size(),
          labels.size() - 1);
      checkArgument(
          p.predicted() < labels.size(),
          "object %s: predicted class %s is out of range, %s labels (0..%s)",
          id,
          p.predicted(),
          labels.size(),
          labels.size() - 1);
      checkArgument(
          !p.hasProbabilities() || p.probabilities().size() == labels.size(),
          "object %s: %s probabilities for %s labels",
          id,
          p.probabilities().size(),
          labels.size());
    }
  }

  /**
   * Outcomes given as plain index arrays, for using the metrics on their own. Objects get the
   * Object IDs 1..n.
   *
   * @param labels the class names in index order
   * @param actual the actual class index of each object
   * @param predicted the predicted class index of each object, as many as {@code actual}
   */
  public static ClassOutcomes of(List<String> labels, int[] actual, int[] predicted) {
    requireNonNull(actual, "actual");
    requireNonNull(predicted, "predicted");
    checkArgument(
        actual.length == predicted.length,
        "%s actual classes but %s predicted ones",
        actual.length,
        predicted.length);
    Builder builder = builder(labels);
    for (int i = 0; i < actual.length; i++) {
      builder.add(ClassOutcome.of(ObjectMetadata.ofId(i + 1L), actual[i], predicted[i]));
    }
    return builder.build();
  }

  /** A builder collecting outcomes for the given labels. */
  public static Builder builder(List<String> labels) {
    return new Builder(labels);
  }

  /** The number of outcomes. */
  public int size() {
    return outcomes.size();
  }

  /** Whether there are no outcomes. */
  public boolean isEmpty() {
    return outcomes.isEmpty();
  }

  /** Whether every outcome carries class probabilities (false when there are none). */
  public boolean allHaveProbabilities() {
    return !outcomes.isEmpty() && outcomes.stream().allMatch(ClassOutcome::hasProbabilities);
  }

  /** The name of the class with the given index. */
  public String label(int index) {
    return labels.get(index);
  }

  /** Collects outcomes; validation happens in {@link #build()}. */
  public static final class Builder {
    private final List<String> labels;
    private final List<ClassOutcome> outcomes = new ArrayList<>();

    private Builder(List<String> labels) {
      this.labels = List.copyOf(requireNonNull(labels, "labels"));
    }

    /** Adds one outcome. */
    public Builder add(ClassOutcome outcome) {
      outcomes.add(requireNonNull(outcome, "outcome"));
      return this;
    }

    /** Adds an outcome without probabilities. */
    public Builder add(ObjectMetadata object, int actual, int predicted) {
      return add(ClassOutcome.of(object, actual, predicted));
    }

    /** The validated outcomes. */
    public ClassOutcomes build() {
      return new ClassOutcomes(labels, outcomes);
    }
  }
}

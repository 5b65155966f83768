package io.github.metart.eval.analysis;

import static java.util.Objects.requireNonNull;

import io.github.metart.eval.outcomes.ClassOutcome;
import io.github.metart.eval.outcomes.ClassOutcomes;
import io.github.metart.eval.outcomes.ObjectMetadata;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One wrongly classified object, with what a person needs to open it on the Met's website.
 *
 * @param object the object's Met metadata
 * @param actual the actual class name
 * @param predicted the predicted class name
 * @param confidence the probability of the predicted class, NaN when unknown
 */
public record Misclassified(ObjectMetadata object, String actual, String predicted, double confidence) {

  /** Checks that nothing is missing. */
  public Misclassified {
    requireNonNull(object, "object");
    requireNonNull(actual, "actual");
    requireNonNull(predicted, "predicted");
  }

  /**
   * Every misclassified object, the most confident mistakes first (then by Object ID; without
   * probabilities simply by Object ID).
   */
  public static List<Misclassified> of(ClassOutcomes predictions) {
    List<Misclassified> wrong = new ArrayList<>();
    for (ClassOutcome p : predictions.outcomes()) {
      if (!p.correct()) {
        wrong.add(
            new Misclassified(
                p.object(),
                predictions.label(p.actual()),
                predictions.label(p.predicted()),
                p.confidence()));
      }
    }
    wrong.sort(
        Comparator.comparingDouble((Misclassified m) -> Double.isNaN(m.confidence()) ? 0 : -m.confidence())
            .thenComparingLong(m -> m.object().objectId()));
    return List.copyOf(wrong);
  }

  /** The Met Object ID. */
  public long objectId() {
    return object.objectId();
  }

  /** The object's page on the Met's website. */
  public URI metUrl() {
    return object.metUrl();
  }
}

package io.github.metart.eval.predictions;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * What a classifier said about one object: the actual class, the predicted class and, when known,
 * the probability of every class.
 *
 * <p>Classes are indices into the label list of the {@link ClassPredictions} holding this value.
 * When probabilities are given, the predicted class must be one of the most probable classes, so
 * that accuracy and top-k accuracy agree.
 *
 * @param object the object's Met metadata
 * @param actual the index of the object's actual class (0 or more)
 * @param predicted the index of the predicted class (0 or more)
 * @param probabilities the probability (or score) of every class in label order; empty when unknown
 */
public record ClassPrediction(
    ObjectMetadata object, int actual, int predicted, List<Double> probabilities) {

  /** Validates the indices and that the predicted class has the highest probability. */
  public ClassPrediction {
    requireNonNull(object, "object");
    checkArgument(
        actual >= 0, "object %s: actual class index must be 0 or more, got %s", object.objectId(),
        actual);
    checkArgument(
        predicted >= 0,
        "object %s: predicted class index must be 0 or more, got %s",
        object.objectId(),
        predicted);
    probabilities = List.copyOf(requireNonNull(probabilities, "probabilities"));
    if (!probabilities.isEmpty()) {
      checkArgument(
          predicted < probabilities.size(),
          "object %s: predicted class %s has no probability (%s given)",
          object.objectId(),
          predicted,
          probabilities.size());
      double chosen = probabilities.get(predicted);
      for (int i = 0; i < probabilities.size(); i++) {
        double p = probabilities.get(i);
        checkArgument(
            !Double.isNaN(p), "object %s: probability of class %s is NaN", object.objectId(), i);
        checkArgument(
            p <= chosen,
            "object %s: predicted class %s (%s) is less probable than class %s (%s)",
            object.objectId(),
            predicted,
            chosen,
            i,
            p);
      }
    }
  }

  /** A prediction without probabilities. */
  public static ClassPrediction of(ObjectMetadata object, int actual, int predicted) {
    return new ClassPrediction(object, actual, predicted, List.of());
  }

  /**
   * A prediction from a model's output: the predicted class is the most probable one (the lowest
   * index among ties).
   *
   * @param object the object's metadata
   * @param actual the actual class index
   * @param probabilities one probability (or score) per class, at least one
   */
  public static ClassPrediction fromProbabilities(
      ObjectMetadata object, int actual, float[] probabilities) {
    requireNonNull(probabilities, "probabilities");
    checkArgument(
        probabilities.length > 0, "object %s: no class probabilities", object.objectId());
    List<Double> values = new ArrayList<>(probabilities.length);
    int best = 0;
    for (int i = 0; i < probabilities.length; i++) {
      values.add((double) probabilities[i]);
      if (probabilities[i] > probabilities[best]) {
        best = i;
      }
    }
    return new ClassPrediction(object, actual, best, values);
  }

  /** Whether the predicted class is the actual one. */
  public boolean correct() {
    return actual == predicted;
  }

  /** Whether probabilities are known. */
  public boolean hasProbabilities() {
    return !probabilities.isEmpty();
  }

  /** The probability of the predicted class, or NaN when probabilities are unknown. */
  public double confidence() {
    return probabilities.isEmpty() ? Double.NaN : probabilities.get(predicted);
  }

  /**
   * The rank of the actual class among the probabilities: 0 when it is the predicted class, 1 when
   * it comes second, and so on. Ties rank the predicted class first, then lower indices.
   *
   * @throws IllegalStateException when probabilities are unknown
   */
  public int rankOfActual() {
    if (probabilities.isEmpty()) {
      throw new IllegalStateException(
          "object " + object.objectId() + ": no probabilities, so no rank of the actual class");
    }
    if (actual == predicted) {
      return 0;
    }
    double target = probabilities.get(actual);
    int rank = 1; // the predicted class always ranks before the actual one
    for (int i = 0; i < probabilities.size(); i++) {
      if (i == actual || i == predicted) {
        continue;
      }
      double p = probabilities.get(i);
      if (p > target || (p == target && i < actual)) {
        rank++;
      }
    }
    return rank;
  }
}

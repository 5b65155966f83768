package io.github.metart.eval.outcomes;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.models.heads.ClassPrediction;
import io.github.metart.models.heads.ClassRanking;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of classifying one evaluated object: the model's prediction joined to the truth, i.e.
 * the object's metadata, its actual class, the predicted class and, when known, the probability of
 * every class. (A model's output alone, without the truth, is a {@link ClassPrediction}.)
 *
 * <p>Classes are indices into the label list of the {@link ClassOutcomes} holding this value.
 * When probabilities are given, the predicted class must be one of the most probable classes, so
 * that accuracy and top-k accuracy agree.
 *
 * @param object the object's Met metadata
 * @param actual the index of the object's actual class (0 or more)
 * @param predicted the index of the predicted class (0 or more)
 * @param probabilities the probability (or score) of every class in label order; empty when unknown
 */
public record ClassOutcome(
    ObjectMetadata object, int actual, int predicted, List<Double> probabilities) {

  /** Validates the indices and that the predicted class has the highest probability. */
  public ClassOutcome {
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

  /** An outcome without probabilities. */
  public static ClassOutcome of(ObjectMetadata object, int actual, int predicted) {
    return new ClassOutcome(object, actual, predicted, List.of());
  }

  /**
   * The outcome of a model's prediction for an object: the predicted class is the prediction's
   * {@linkplain ClassPrediction#topIndex() top class}.
   *
   * @param object the object's metadata
   * @param actual the actual class index
   * @param prediction the model's output for the object's image
   */
  public static ClassOutcome of(ObjectMetadata object, int actual, ClassPrediction prediction) {
    requireNonNull(prediction, "prediction");
    float[] probabilities = prediction.probabilities();
    return new ClassOutcome(object, actual, prediction.topIndex(), toList(probabilities));
  }

  /**
   * The outcome of a model's scores: the predicted class is the most probable one (the lowest index
   * among ties, as {@link ClassRanking#top(float[])} decides).
   *
   * @param object the object's metadata
   * @param actual the actual class index
   * @param probabilities one probability (or score) per class, at least one
   */
  public static ClassOutcome fromProbabilities(
      ObjectMetadata object, int actual, float[] probabilities) {
    requireNonNull(object, "object");
    requireNonNull(probabilities, "probabilities");
    checkArgument(
        probabilities.length > 0, "object %s: no class probabilities", object.objectId());
    return new ClassOutcome(
        object, actual, ClassRanking.top(probabilities), toList(probabilities));
  }

  private static List<Double> toList(float[] probabilities) {
    List<Double> values = new ArrayList<>(probabilities.length);
    for (float p : probabilities) {
      values.add((double) p);
    }
    return values;
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
    double[] scores = probabilities.stream().mapToDouble(Double::doubleValue).toArray();
    int rank = ClassRanking.rank(scores, actual);
    // ClassRanking puts the lower index first on ties; here the predicted class always comes first
    boolean predictedTiedAfterActual = scores[predicted] == scores[actual] && predicted > actual;
    return predictedTiedAfterActual ? rank + 1 : rank;
  }
}

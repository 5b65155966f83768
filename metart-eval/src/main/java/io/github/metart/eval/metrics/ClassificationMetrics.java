package io.github.metart.eval.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.eval.outcomes.ClassOutcome;
import io.github.metart.eval.outcomes.ClassOutcomes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Accuracy, top-k accuracy, per-class precision, recall and F1 and their macro averages over one
 * set of predictions.
 *
 * <p>Edges: with no predictions, accuracy, top-k accuracies and macro averages are NaN. Macro
 * averages are taken over the classes that occur among the actual or the predicted classes (see
 * {@link ClassMetrics} for the conventions on undefined ratios).
 *
 * @param count the number of predictions
 * @param correct how many predictions were the actual class
 * @param accuracy {@code correct / count}
 * @param topKAccuracy for each computed k, the share of objects whose actual class is among the k
 *     most probable classes (empty when the predictions carry no probabilities)
 * @param perClass the metrics of every class, in label order
 * @param macroPrecision the unweighted mean precision over present classes
 * @param macroRecall the unweighted mean recall over present classes
 * @param macroF1 the unweighted mean F1 over present classes
 */
public record ClassificationMetrics(
    int count,
    int correct,
    double accuracy,
    SortedMap<Integer, Double> topKAccuracy,
    List<ClassMetrics> perClass,
    double macroPrecision,
    double macroRecall,
    double macroF1) {

  /** The k values reported by default, when smaller than the number of classes. */
  public static final List<Integer> DEFAULT_TOP_K = List.of(3, 5);

  /** Copies the collections. */
  public ClassificationMetrics {
    topKAccuracy = Collections.unmodifiableSortedMap(new TreeMap<>(topKAccuracy));
    perClass = List.copyOf(perClass);
  }

  /**
   * Computes the metrics with top-k accuracy for k in {@link #DEFAULT_TOP_K} below the number of
   * classes (only when every prediction carries probabilities).
   */
  public static ClassificationMetrics of(ClassOutcomes predictions) {
    requireNonNull(predictions, "predictions");
    List<Integer> ks = new ArrayList<>();
    for (int k : DEFAULT_TOP_K) {
      if (k < predictions.labels().size()) {
        ks.add(k);
      }
    }
    return of(predictions, predictions.allHaveProbabilities() ? ks : List.of());
  }

  /**
   * Computes the metrics with top-k accuracy for the given k values.
   *
   * @param predictions the predictions
   * @param topK the k values (each 1 or more); needs probabilities on every prediction unless empty
   * @throws IllegalArgumentException when k is below 1, or top-k is asked for predictions without
   *     probabilities
   */
  public static ClassificationMetrics of(ClassOutcomes predictions, List<Integer> topK) {
    requireNonNull(predictions, "predictions");
    requireNonNull(topK, "topK");
    int classes = predictions.labels().size();
    long[] support = new long[classes];
    long[] predictedCount = new long[classes];
    long[] truePositives = new long[classes];
    int correct = 0;
    for (ClassOutcome p : predictions.outcomes()) {
      support[p.actual()]++;
      predictedCount[p.predicted()]++;
      if (p.correct()) {
        truePositives[p.actual()]++;
        correct++;
      }
    }
    int count = predictions.size();
    SortedMap<Integer, Double> topKAccuracy = new TreeMap<>();
    for (int k : topK) {
      checkArgument(k >= 1, "top-k accuracy needs k of 1 or more, got %s", k);
      topKAccuracy.put(k, topKAccuracy(predictions, k));
    }
    List<ClassMetrics> perClass = new ArrayList<>(classes);
    double sumPrecision = 0;
    double sumRecall = 0;
    double sumF1 = 0;
    int present = 0;
    for (int c = 0; c < classes; c++) {
      ClassMetrics m =
          ClassMetrics.of(predictions.label(c), support[c], predictedCount[c], truePositives[c]);
      perClass.add(m);
      if (m.present()) {
        present++;
        sumPrecision += m.precision();
        sumRecall += m.recall();
        sumF1 += m.f1();
      }
    }
    double accuracy = count == 0 ? Double.NaN : (double) correct / count;
    return new ClassificationMetrics(
        count,
        correct,
        accuracy,
        topKAccuracy,
        perClass,
        present == 0 ? Double.NaN : sumPrecision / present,
        present == 0 ? Double.NaN : sumRecall / present,
        present == 0 ? Double.NaN : sumF1 / present);
  }

  /**
   * The share of objects whose actual class is among the k most probable classes (ties rank the
   * predicted class first, then lower indices); NaN without predictions.
   *
   * @throws IllegalArgumentException when a prediction carries no probabilities
   */
  public static double topKAccuracy(ClassOutcomes predictions, int k) {
    checkArgument(k >= 1, "top-k accuracy needs k of 1 or more, got %s", k);
    if (predictions.isEmpty()) {
      return Double.NaN;
    }
    int hits = 0;
    for (ClassOutcome p : predictions.outcomes()) {
      checkArgument(
          p.hasProbabilities(),
          "object %s has no class probabilities: top-%s accuracy needs them",
          p.object().objectId(),
          k);
      if (p.rankOfActual() < k) {
        hits++;
      }
    }
    return (double) hits / predictions.size();
  }

  /** The top-k accuracy for k, when it was computed. */
  public OptionalDouble topK(int k) {
    Double value = topKAccuracy.get(k);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** The metrics of the class with the given name. */
  public ClassMetrics forClass(String label) {
    return perClass.stream()
        .filter(m -> m.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no class '" + label + "'"));
  }
}

package io.github.metart.eval.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Precision, recall and F1 of one class.
 *
 * <p>Undefined ratios follow the usual convention: a class that occurs but is never predicted has
 * precision 0; a class that is predicted but never occurs has recall 0; F1 is 0 when precision and
 * recall are both 0. A class that neither occurs nor is predicted has NaN precision, recall and F1
 * and is left out of the macro averages (see {@link #present()}).
 *
 * @param label the class name
 * @param support how many objects actually belong to the class
 * @param predictedCount how many objects were predicted as the class
 * @param truePositives how many objects of the class were predicted as the class
 * @param precision {@code truePositives / predictedCount}
 * @param recall {@code truePositives / support}
 * @param f1 the harmonic mean of precision and recall
 */
public record ClassMetrics(
    String label,
    long support,
    long predictedCount,
    long truePositives,
    double precision,
    double recall,
    double f1) {

  /** Validates the counts. */
  public ClassMetrics {
    requireNonNull(label, "label");
    checkArgument(support >= 0 && predictedCount >= 0 && truePositives >= 0, "negative count");
    checkArgument(
        truePositives <= support && truePositives <= predictedCount,
        "class '%s': %s true positives exceed support %s or predicted count %s",
        label,
        truePositives,
        support,
        predictedCount);
  }

  /**
   * Computes the metrics of one class from its counts.
   *
   * @param label the class name
   * @param support objects actually in the class
   * @param predictedCount objects predicted as the class
   * @param truePositives objects of the class predicted as the class
   */
  public static ClassMetrics of(
      String label, long support, long predictedCount, long truePositives) {
    if (support == 0 && predictedCount == 0) {
      return new ClassMetrics(label, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN);
    }
    double precision = predictedCount == 0 ? 0 : (double) truePositives / predictedCount;
    double recall = support == 0 ? 0 : (double) truePositives / support;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new ClassMetrics(label, support, predictedCount, truePositives, precision, recall, f1);
  }

  /** Whether the class occurs among the actual or the predicted classes. */
  public boolean present() {
    return support > 0 || predictedCount > 0;
  }
}

package io.github.metart.eval.evaluation;

import static java.util.Objects.requireNonNull;

import io.github.metart.eval.analysis.Breakdown;
import io.github.metart.eval.analysis.Misclassified;
import io.github.metart.eval.confusion.Confusion;
import io.github.metart.eval.confusion.ConfusionMatrix;
import io.github.metart.eval.metrics.ClassificationMetrics;
import io.github.metart.eval.outcomes.ClassOutcomes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything measured on a classifier's predictions over one split: the metrics, the confusion
 * matrix (rows = predicted, columns = actual), accuracy by department, classification and object
 * name, and the misclassified objects (most confident mistakes first).
 *
 * @param outcomes the outcomes measured
 * @param metrics accuracy, top-k, per-class and macro metrics
 * @param confusion the confusion matrix, rows = predicted, columns = actual
 * @param breakdowns accuracy per metadata field
 * @param misclassified every misclassified object
 */
public record ClassificationResult(
    ClassOutcomes outcomes,
    ClassificationMetrics metrics,
    ConfusionMatrix confusion,
    List<Breakdown> breakdowns,
    List<Misclassified> misclassified)
    implements EvaluationResult {

  /** Checks that nothing is missing. */
  public ClassificationResult {
    requireNonNull(outcomes, "outcomes");
    requireNonNull(metrics, "metrics");
    requireNonNull(confusion, "confusion");
    breakdowns = List.copyOf(breakdowns);
    misclassified = List.copyOf(misclassified);
  }

  /** Measures everything on the given predictions. */
  public static ClassificationResult of(ClassOutcomes outcomes) {
    return new ClassificationResult(
        outcomes,
        ClassificationMetrics.of(outcomes),
        ConfusionMatrix.of(outcomes),
        Breakdown.accuracyByEveryField(outcomes),
        Misclassified.of(outcomes));
  }

  @Override
  public String kind() {
    return "classification";
  }

  @Override
  public int count() {
    return metrics.count();
  }

  /** The most frequent confusions, e.g. {@code roman predicted as etruscan: 9}. */
  public List<Confusion> topConfusions(int n) {
    return confusion.topConfusions(n);
  }

  @Override
  public Map<HeadlineMetric, Double> headline() {
    Map<HeadlineMetric, Double> headline = new LinkedHashMap<>();
    headline.put(HeadlineMetric.ACCURACY, metrics.accuracy());
    metrics.topK(3).ifPresent(v -> headline.put(HeadlineMetric.TOP3_ACCURACY, v));
    metrics.topK(5).ifPresent(v -> headline.put(HeadlineMetric.TOP5_ACCURACY, v));
    headline.put(HeadlineMetric.MACRO_F1, metrics.macroF1());
    headline.put(HeadlineMetric.MACRO_PRECISION, metrics.macroPrecision());
    headline.put(HeadlineMetric.MACRO_RECALL, metrics.macroRecall());
    return Collections.unmodifiableMap(headline);
  }
}

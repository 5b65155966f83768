/**
 * Evaluating a trained model on a split: {@link io.github.metart.eval.evaluation.Evaluator} runs
 * the model over a DJL dataset and joins its predictions to the labeled objects, giving an {@link
 * io.github.metart.eval.evaluation.EvaluationReport} written as {@code metrics.json}, {@code
 * report.md} and {@code predictions.csv}; {@link io.github.metart.eval.evaluation.MetricsSummary}
 * reads a written report's headline back for comparisons.
 */
package io.github.metart.eval.evaluation;

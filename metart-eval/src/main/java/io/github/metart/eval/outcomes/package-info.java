/**
 * Outcomes of evaluated objects: a model's prediction for each object joined to the truth and to
 * the object's Met metadata. {@link io.github.metart.eval.outcomes.ClassOutcome} holds the actual
 * and predicted class with the class probabilities, {@link io.github.metart.eval.outcomes.YearOutcome}
 * the actual and predicted year with the object's date interval; {@link
 * io.github.metart.eval.outcomes.ClassOutcomes} and {@link io.github.metart.eval.outcomes.YearOutcomes}
 * collect one split's outcomes, the input of every metric, chart and report. (A model's output
 * alone, without the truth, is a {@code io.github.metart.models.heads.ClassPrediction} or {@code
 * YearPrediction}.)
 */
package io.github.metart.eval.outcomes;

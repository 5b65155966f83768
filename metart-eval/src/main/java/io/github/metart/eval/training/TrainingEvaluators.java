package io.github.metart.eval.training;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.evaluator.TopKAccuracy;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluators metart attaches to training, per task, so that every run reports the same
 * validation metrics.
 */
public final class TrainingEvaluators {

  private TrainingEvaluators() {}

  /**
   * For the culture task: DJL's {@code Accuracy} and, with more than 3 classes, {@code
   * TopKAccuracy} for k = 3 (named {@code Top_3_Accuracy}). Labels are class indices, shape {@code
   * [B, 1]}; predictions are scores of shape {@code [B, classes]}.
   *
   * @param classes the number of classes, at least 1
   */
  public static List<Evaluator> forClasses(int classes) {
    checkArgument(classes >= 1, "at least one class is needed, got %s", classes);
    List<Evaluator> evaluators = new ArrayList<>();
    evaluators.add(new Accuracy());
    if (classes > 3) {
      evaluators.add(new TopKAccuracy(3));
    }
    return List.copyOf(evaluators);
  }

  /**
   * For the year task: {@link MeanYearError} and {@link ShareWithinYears} at 50 years (named
   * {@code MeanYearError} and {@code Within50Years}).
   *
   * @param scale the year range the targets are normalized over
   */
  public static List<Evaluator> forYears(YearScale scale) {
    return List.of(new MeanYearError(scale), new ShareWithinYears(50, scale));
  }
}

package io.github.metart.train.metrics;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.evaluator.TopKAccuracy;
import io.github.metart.data.dataset.YearTarget;
import io.github.metart.models.MetModel;
import io.github.metart.models.heads.ClassifierHead;
import io.github.metart.models.heads.Head;
import io.github.metart.models.heads.YearHead;
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
   * For a year model whose outputs are normalized years: {@link MeanYearError} and {@link
   * ShareWithinYears} at 50 years (named {@code MeanYearError} and {@code Within50Years}).
   *
   * @param target the dataset's year target: the range its labels are normalized over
   */
  public static List<Evaluator> forYears(YearTarget target) {
    return List.of(new MeanYearError(target), new ShareWithinYears(50, target));
  }

  /**
   * The evaluators for a model's head: {@link #forClasses} for a classifier; for a year head
   * (regression or binned), {@code MeanYearError} and {@code Within50Years} reading the head's raw
   * outputs. Labels are always the dataset's labels (class index or normalized year, {@code [B,
   * 1]}).
   */
  public static List<Evaluator> forHead(Head head) {
    if (head instanceof ClassifierHead classifier) {
      return forClasses(classifier.classCount());
    } else if (head instanceof YearHead year) {
      return List.of(new MeanYearError(year), new ShareWithinYears(50, year));
    }
    throw new IllegalArgumentException("no evaluators for head " + head);
  }

  /** The evaluators for a model, see {@link #forHead(Head)}. */
  public static List<Evaluator> forModel(MetModel model) {
    return forHead(model.head());
  }
}

package io.github.metart.train.loss;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The loss of a model with a culture head and a year head on one backbone: {@code culture(y_c, p_c)
 * + yearWeight * year(y_y, p_y)}, where the predictions {@code [B, C + Y]} hold the {@code C}
 * culture logits first and the year outputs after them, and the targets {@code [B, 1 + T]} the
 * class index first and the year head's targets after it (as {@code
 * CultureYearHead.trainingTargets} makes them).
 */
public final class CultureYearLoss extends Loss {

  private final int classes;
  private final Loss culture;
  private final Loss year;
  private final double yearWeight;

  /**
   * A loss.
   *
   * @param classes the number of culture classes {@code C}, at least 2
   * @param culture the culture head's loss (a cross-entropy)
   * @param year the year head's loss (L1, L2, Huber, or a cross-entropy over year bins)
   * @param yearWeight the weight of the year loss, a finite number of 0 or more
   */
  public CultureYearLoss(int classes, Loss culture, Loss year, double yearWeight) {
    super("culture_year");
    checkArgument(classes >= 2, "a culture head needs at least 2 classes, got %s", classes);
    checkArgument(
        Double.isFinite(yearWeight) && yearWeight >= 0,
        "the year loss weight must be a finite number of 0 or more, got %s",
        yearWeight);
    this.classes = classes;
    this.culture = requireNonNull(culture, "culture");
    this.year = requireNonNull(year, "year");
    this.yearWeight = yearWeight;
  }

  /** The weight of the year loss. */
  public double yearWeight() {
    return yearWeight;
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray outputs = predictions.singletonOrThrow();
    NDArray targets = labels.singletonOrThrow();
    checkArgument(
        outputs.getShape().dimension() == 2
            && outputs.getShape().get(1) > classes
            && targets.getShape().dimension() == 2
            && targets.getShape().get(1) >= 2,
        "culture+year needs outputs [B, %s + Y] and targets [B, 1 + T], got %s and %s",
        classes,
        outputs.getShape(),
        targets.getShape());
    NDArray cultureLoss =
        culture.evaluate(new NDList(targets.get(":, 0:1")), new NDList(outputs.get(":, 0:" + classes)));
    NDArray yearLoss =
        year.evaluate(new NDList(targets.get(":, 1:")), new NDList(outputs.get(":, " + classes + ":")));
    return cultureLoss.add(yearLoss.mul((float) yearWeight));
  }
}

package io.github.metart.models.heads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import com.google.common.base.Preconditions;
import io.github.metart.models.spec.HeadSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Culture and year on one backbone ({@link HeadSpec.CultureYear}): the outputs {@code [B, C + Y]}
 * hold the culture head's {@code C} logits, then the year head's {@code Y} outputs (1 for
 * regression, one per bin for a binned head). Dataset labels are {@code [B, 1 + W]}: the class index,
 * then the year task's {@code W} labels (the normalized year, or year, begin and end).
 */
public final class CultureYearHead implements Head {

  private final HeadSpec.CultureYear spec;
  private final ClassifierHead culture;
  private final YearHead year;

  /** Creates the head for a culture+year spec. */
  public CultureYearHead(HeadSpec.CultureYear spec) {
    this.spec = Preconditions.checkNotNull(spec, "spec");
    this.culture = new ClassifierHead(spec.culture());
    this.year = (YearHead) Head.of(spec.year());
  }

  @Override
  public HeadSpec.CultureYear spec() {
    return spec;
  }

  /** The culture head. */
  public ClassifierHead culture() {
    return culture;
  }

  /** The year head. */
  public YearHead year() {
    return year;
  }

  /** The number of culture classes, {@code C}: the first {@code C} outputs are theirs. */
  public int classCount() {
    return culture.classCount();
  }

  /** The culture logits of a batch of outputs, {@code [B, C]}. */
  public NDArray cultureOutputs(NDArray outputs) {
    ClassifierHead.checkOutputs(outputs, spec.outputUnits());
    return outputs.get(":, 0:" + classCount());
  }

  /** The year head's outputs of a batch of outputs, {@code [B, Y]}. */
  public NDArray yearOutputs(NDArray outputs) {
    ClassifierHead.checkOutputs(outputs, spec.outputUnits());
    return outputs.get(":, " + classCount() + ":");
  }

  /** The class indices of a batch of dataset labels, {@code [B, 1]}. */
  public NDArray cultureLabels(NDArray labels) {
    checkLabels(labels);
    return labels.get(":, 0:1");
  }

  /** The year labels of a batch of dataset labels, {@code [B, W]}. */
  public NDArray yearLabels(NDArray labels) {
    checkLabels(labels);
    return labels.get(":, 1:");
  }

  /**
   * The class index, then the year head's training targets ({@link YearHead#trainingTargets} of the
   * year labels), side by side: {@code [B, 1 + T]}.
   */
  @Override
  public NDArray trainingTargets(NDArray labels) {
    NDArray years = year.trainingTargets(yearLabels(labels));
    NDArray classes = culture.trainingTargets(cultureLabels(labels)).toType(years.getDataType(), false);
    return NDArrays.concat(new NDList(classes, years.reshape(years.getShape().get(0), -1)), 1);
  }

  @Override
  public List<CultureYearPrediction> predict(NDArray outputs) {
    List<ClassPrediction> cultures = culture.predict(cultureOutputs(outputs));
    List<YearPrediction> years = year.predict(yearOutputs(outputs));
    List<CultureYearPrediction> predictions = new ArrayList<>(cultures.size());
    for (int i = 0; i < cultures.size(); i++) {
      predictions.add(new CultureYearPrediction(cultures.get(i), years.get(i)));
    }
    return predictions;
  }

  private static void checkLabels(NDArray labels) {
    Preconditions.checkArgument(
        labels.getShape().dimension() == 2 && labels.getShape().get(1) >= 2,
        "culture+year labels are [B, 1 + W] (the class index, then the year labels), got %s",
        labels.getShape());
  }

  @Override
  public String toString() {
    return "CultureYearHead[" + spec.describe() + "]";
  }
}

package io.github.metart.models.heads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import com.google.common.base.Preconditions;
import io.github.metart.models.spec.HeadSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct regression: one output trained on the normalized year. Predictions clamp the output to
 * 0..1 (the range every target lies in) and map it back to a year.
 */
public final class RegressionHead implements YearHead {

  private static final float[] NO_BINS = new float[0];

  private final HeadSpec.Regression spec;

  /** Creates the head for a regression spec. */
  public RegressionHead(HeadSpec.Regression spec) {
    this.spec = Preconditions.checkNotNull(spec, "spec");
  }

  @Override
  public HeadSpec.Regression spec() {
    return spec;
  }

  @Override
  public int minYear() {
    return spec.minYear();
  }

  @Override
  public int maxYear() {
    return spec.maxYear();
  }

  /**
   * The normalized years, unchanged ({@code [B, 1]}); for interval labels {@code [B, 3]} (year,
   * begin, end: {@code YearTargetChoice.INTERVAL}) the intervals {@code [B, 2]} (begin, end), which
   * the regression losses score by the distance to the interval, zero inside it.
   */
  @Override
  public NDArray trainingTargets(NDArray labels) {
    if (YearHead.isInterval(labels)) {
      return labels.get(":, 1:3");
    }
    return labels;
  }

  @Override
  public NDArray normalizedYears(NDArray outputs) {
    ClassifierHead.checkOutputs(outputs, 1);
    return outputs.reshape(-1).clip(0, 1);
  }

  @Override
  public List<YearPrediction> predict(NDArray outputs) {
    NDArray normalized = normalizedYears(outputs);
    float[] values = normalized.toType(DataType.FLOAT32, false).toFloatArray();
    normalized.close();
    List<YearPrediction> predictions = new ArrayList<>(values.length);
    for (float value : values) {
      predictions.add(new YearPrediction(toYear(value), value, NO_BINS));
    }
    return predictions;
  }

  @Override
  public String toString() {
    return "RegressionHead[" + spec.describe() + "]";
  }
}

package io.github.metart.models.heads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.common.base.Preconditions;
import io.github.metart.models.spec.HeadSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Year estimation as classification over {@code bins} equal-width bins of the normalized range:
 * bin {@code i} covers {@code [i / bins, (i + 1) / bins)} (the last one includes 1) and stands for
 * its centre {@code (i + 0.5) / bins}. Training uses softmax cross-entropy against the target's bin;
 * the prediction is the expected year under the softmax, {@code sum_i p_i * centreYear_i}, which
 * is smoother and usually more accurate than the most probable bin.
 */
public final class BinnedYearHead implements YearHead {

  private final HeadSpec.BinnedYear spec;

  /** Creates the head for a binned-year spec. */
  public BinnedYearHead(HeadSpec.BinnedYear spec) {
    this.spec = Preconditions.checkNotNull(spec, "spec");
  }

  @Override
  public HeadSpec.BinnedYear spec() {
    return spec;
  }

  @Override
  public HeadKind kind() {
    return HeadKind.BINNED_YEAR;
  }

  @Override
  public int minYear() {
    return spec.minYear();
  }

  @Override
  public int maxYear() {
    return spec.maxYear();
  }

  /** The number of bins. */
  public int bins() {
    return spec.bins();
  }

  /**
   * The bin of a normalized year: {@code floor(normalized * bins)}, clamped to {@code [0, bins -
   * 1]} (so 1.0 falls in the last bin).
   */
  public int binOf(double normalized) {
    int bin = (int) Math.floor(normalized * spec.bins());
    return Math.max(0, Math.min(spec.bins() - 1, bin));
  }

  /** The normalized centre of bin {@code i}: {@code (i + 0.5) / bins}. */
  public double binCentre(int bin) {
    Preconditions.checkElementIndex(bin, spec.bins(), "bin");
    return (bin + 0.5) / spec.bins();
  }

  /** The year at the centre of bin {@code i}. */
  public double binCentreYear(int bin) {
    return toYear(binCentre(bin));
  }

  /** The bin index of each normalized year, as float32 {@code [B, 1]} like a class-index label. */
  @Override
  public NDArray trainingTargets(NDArray labels) {
    int bins = spec.bins();
    return labels.toType(DataType.FLOAT32, false).mul(bins).floor().clip(0, bins - 1);
  }

  /** Softmax over the bins of a {@code [B, bins]} batch of logits. */
  public NDArray binProbabilities(NDArray outputs) {
    ClassifierHead.checkOutputs(outputs, spec.bins());
    return outputs.softmax(1);
  }

  @Override
  public NDArray normalizedYears(NDArray outputs) {
    NDArray probabilities = binProbabilities(outputs);
    NDArray centres =
        outputs
            .getManager()
            .arange(0f, spec.bins(), 1f)
            .add(0.5f)
            .div(spec.bins())
            .toDevice(outputs.getDevice(), false)
            .toType(probabilities.getDataType(), false)
            .reshape(new Shape(spec.bins(), 1));
    return probabilities.matMul(centres).reshape(-1);
  }

  @Override
  public List<YearPrediction> predict(NDArray outputs) {
    NDArray probabilities = binProbabilities(outputs);
    float[] flat = probabilities.toType(DataType.FLOAT32, false).toFloatArray();
    probabilities.close();
    int bins = spec.bins();
    int batch = flat.length / bins;
    List<YearPrediction> predictions = new ArrayList<>(batch);
    for (int b = 0; b < batch; b++) {
      float[] row = new float[bins];
      System.arraycopy(flat, b * bins, row, 0, bins);
      double expected = 0;
      for (int i = 0; i < bins; i++) {
        expected += row[i] * binCentre(i);
      }
      predictions.add(new YearPrediction(toYear(expected), expected, row));
    }
    return predictions;
  }

  @Override
  public String toString() {
    return "BinnedYearHead[" + spec.describe() + "]";
  }
}

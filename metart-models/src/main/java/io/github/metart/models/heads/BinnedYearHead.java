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

  /**
   * The bin index of each normalized year, as float32 {@code [B, 1]} like a class-index label; for
   * interval labels {@code [B, 3]} (year, begin, end) the soft targets {@link #intervalTargets}
   * {@code [B, bins]}, which the cross-entropy reads as a distribution.
   */
  @Override
  public NDArray trainingTargets(NDArray labels) {
    if (YearHead.isInterval(labels)) {
      return intervalTargets(labels.get(":, 1"), labels.get(":, 2"));
    }
    int bins = spec.bins();
    return labels.toType(DataType.FLOAT32, false).mul(bins).floor().clip(0, bins - 1);
  }

  /**
   * Soft targets spread over exactly the bins an interval covers: for normalized interval ends
   * {@code begin <= end} (clipped to 0..1), bin {@code i} gets {@code overlap([begin, end], [i /
   * bins, (i + 1) / bins]) / (end - begin)}, so each row sums to 1 and bins outside the interval
   * get 0. An interval of no width (one year) puts all its weight on its bin ({@link #binOf}).
   *
   * @param begin the normalized begins, {@code [B]} or {@code [B, 1]}
   * @param end the normalized ends, same shape
   * @return float32 {@code [B, bins]}
   */
  public NDArray intervalTargets(NDArray begin, NDArray end) {
    int bins = spec.bins();
    NDArray b = begin.toType(DataType.FLOAT32, false).reshape(-1, 1).clip(0, 1);
    NDArray e = end.toType(DataType.FLOAT32, false).reshape(-1, 1).clip(0, 1);
    NDArray lower =
        begin.getManager().arange(0f, bins, 1f).div(bins).toDevice(b.getDevice(), false).reshape(1, bins);
    NDArray upper = lower.add(1f / bins);
    NDArray overlap = e.minimum(upper).sub(b.maximum(lower)).maximum(0f);
    NDArray width = overlap.sum(new int[] {1}, true);
    NDArray spread = overlap.div(width.maximum(Float.MIN_NORMAL));
    NDArray point =
        b.mul(bins).floor().clip(0, bins - 1).squeeze(1).toType(DataType.INT64, false).oneHot(bins)
            .toType(DataType.FLOAT32, false);
    return ai.djl.ndarray.NDArrays.where(width.gt(0f).broadcast(spread.getShape()), spread, point);
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

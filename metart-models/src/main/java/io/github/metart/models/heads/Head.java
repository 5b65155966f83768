package io.github.metart.models.heads;

import ai.djl.ndarray.NDArray;
import io.github.metart.models.spec.HeadSpec;
import java.util.List;

/**
 * The behaviour of a model's head, one implementation per {@link HeadSpec} case (the trainer picks
 * the loss by the type): what the outputs are compared with during training, and how a batch of
 * outputs becomes predictions. Obtained from {@link io.github.metart.models.MetModel#head()} or
 * {@link #of(HeadSpec)}; immutable.
 */
public sealed interface Head permits ClassifierHead, YearHead, CultureYearHead {

  /** The head for a spec. */
  static Head of(HeadSpec spec) {
    if (spec instanceof HeadSpec.Classifier classifier) {
      return new ClassifierHead(classifier);
    } else if (spec instanceof HeadSpec.Regression regression) {
      return new RegressionHead(regression);
    } else if (spec instanceof HeadSpec.BinnedYear binned) {
      return new BinnedYearHead(binned);
    } else if (spec instanceof HeadSpec.CultureYear both) {
      return new CultureYearHead(both);
    }
    throw new IllegalArgumentException("unknown head spec " + spec);
  }

  /** The spec this head implements. */
  HeadSpec spec();

  /** The number of outputs per sample. */
  default int outputUnits() {
    return spec().outputUnits();
  }

  /**
   * Turns a batch of dataset labels (float32 {@code [B, 1]}: a class index, or a year normalized
   * to 0..1) into what the loss compares the outputs with: the labels themselves for
   * classification and regression, bin indices for a binned-year head. Same shape and type.
   */
  NDArray trainingTargets(NDArray labels);

  /**
   * Turns a batch of outputs ({@code [B, outputUnits]}, computed in inference mode) into one
   * prediction per sample.
   */
  List<? extends Prediction> predict(NDArray outputs);
}

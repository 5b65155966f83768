package io.github.metart.train.config;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An exponential moving average (EMA) of the weights, kept beside them during training: after
 * every update {@code ema = d_t * ema + (1 - d_t) * w}, with {@code d_t = min(decay, (1 + t) / (10
 * + t))} during the warm-up (t the number of updates before this one, so early averages follow the
 * weights closely) or {@code d_t = decay} without it. Every parameter is averaged, batch-norm
 * running statistics included.
 *
 * <p>With an EMA the model that is validated each epoch, judged for the best epoch and saved in
 * the model folder is the average; the raw weights keep training from their own values. The
 * average is written into every checkpoint, so a resumed run continues it exactly.
 *
 * @param decay the decay, in [0, 1); 0 for no average
 * @param warmup whether the decay warms up as above
 */
public record WeightAverage(double decay, boolean warmup) {

  /** Validates the settings. */
  public WeightAverage {
    checkArgument(
        decay >= 0 && decay < 1,
        "the EMA decay must be in [0, 1) (0 for none, typically 0.99 to 0.9999), got %s",
        decay);
  }

  /** No average. */
  public static WeightAverage none() {
    return new WeightAverage(0, true);
  }

  /** An average with the given decay and the warm-up. */
  public static WeightAverage of(double decay) {
    checkArgument(decay > 0, "the EMA decay must be above 0 for an average, got %s", decay);
    return new WeightAverage(decay, true);
  }

  /** This average with or without the warm-up. */
  public WeightAverage withWarmup(boolean value) {
    return new WeightAverage(decay, value);
  }

  /** Whether an average is kept. */
  @JsonIgnore
  public boolean isOn() {
    return decay > 0;
  }

  /**
   * The decay of update {@code t} (counted from 0).
   *
   * @param t the number of updates before this one
   */
  public double decayAt(long t) {
    return warmup ? Math.min(decay, (1.0 + t) / (10.0 + t)) : decay;
  }

  /** One line such as {@code decay 0.999 with warm-up}, or {@code off}. */
  public String describe() {
    return isOn() ? "decay " + decay + (warmup ? " with warm-up" : "") : "off";
  }
}

package io.github.metart.train.config;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An exponential moving average (EMA) of the weights, kept beside them during training: after
 * every update {@code ema = d_t * ema + (1 - d_t) * w}, with {@code d_t = min(decay, (1 + t) / (10
 * + t))} during the warm-up (t the number of updates before this one, so early averages follow the
 * weights closely) or {@code d_t = decay} without it. Every parameter is averaged, batch-norm
 * running statistics included.
 *
 * <p>With {@code every = N > 1} the average is updated only after every N-th update, with the decay
 * {@code d_t^N}, so that it forgets at the same pace per update (torchvision's reference recipe
 * updates its EMA every 32 iterations for the same reason): an EMA update costs a pass over all
 * weights, which is a noticeable share of a small model's step.
 *
 * <p>With an EMA the model that is validated each epoch, judged for the best epoch and saved in
 * the model folder is the average; the raw weights keep training from their own values. The
 * average is written into every checkpoint, so a resumed run continues it exactly.
 *
 * @param decay the decay, in [0, 1); 0 for no average
 * @param warmup whether the decay warms up as above
 * @param every the average is updated after every this many weight updates (1, the default, for
 *     after each; 0 reads as 1, as in configurations recorded before this setting)
 */
public record WeightAverage(
    double decay,
    boolean warmup,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = EveryUpdate.class) int every) {

  /** The largest {@code every}. */
  public static final int MAX_EVERY = 1000;

  /** Validates the settings. */
  public WeightAverage {
    checkArgument(
        decay >= 0 && decay < 1,
        "the EMA decay must be in [0, 1) (0 for none, typically 0.99 to 0.9999), got %s",
        decay);
    every = every == 0 ? 1 : every;
    checkArgument(
        every >= 1 && every <= MAX_EVERY,
        "the EMA is updated after every 1 to %s weight updates, got %s",
        MAX_EVERY,
        every);
  }

  /** An average updated after each weight update. */
  public WeightAverage(double decay, boolean warmup) {
    this(decay, warmup, 1);
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
    return new WeightAverage(decay, value, every);
  }

  /** This average updated after every {@code updates} weight updates (1 for after each). */
  public WeightAverage withEvery(int updates) {
    checkArgument(
        updates >= 1 && updates <= MAX_EVERY,
        "the EMA is updated after every 1 to %s weight updates, got %s",
        MAX_EVERY,
        updates);
    return new WeightAverage(decay, warmup, updates);
  }

  /**
   * Whether the average is updated after update {@code t} (counted from 0): after every {@link
   * #every()}-th.
   */
  public boolean updatesAfter(long t) {
    return (t + 1) % every == 0;
  }

  /**
   * The decay applied after update {@code t} when {@link #updatesAfter} it: {@code decayAt(t)} to
   * the power {@link #every()}.
   */
  public double decayAfter(long t) {
    return every == 1 ? decayAt(t) : Math.pow(decayAt(t), every);
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
    return isOn()
        ? "decay " + decay + (warmup ? " with warm-up" : "") + (every > 1 ? ", every " + every + " updates" : "")
        : "off";
  }

  /** Leaves {@code every} out of the JSON when it is 1, as configurations were before it existed. */
  static final class EveryUpdate {
    @Override
    public boolean equals(Object value) {
      return value instanceof Integer every && every == 1;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }
}

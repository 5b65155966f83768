package io.github.metart.train.checkpoint;

/**
 * Where a watched quantity stands: its best value, the epoch of it and how many epochs have passed
 * since without an improvement larger than the minimum delta.
 *
 * @param value the best value so far, NaN before the first epoch
 * @param epoch the epoch of the best value (from 1), 0 before the first epoch
 * @param epochsWithoutImprovement epochs since the last improvement
 */
public record BestSoFar(double value, int epoch, int epochsWithoutImprovement) {

  /** Before the first epoch. */
  public static BestSoFar none() {
    return new BestSoFar(Double.NaN, 0, 0);
  }

  /**
   * This state after an epoch.
   *
   * @param epochValue the epoch's value of the quantity (NaN counts as no improvement)
   * @param epochNumber the epoch, from 1
   * @param higherIsBetter the quantity's direction
   * @param minDelta the smallest change that counts as an improvement
   */
  public BestSoFar after(
      double epochValue, int epochNumber, boolean higherIsBetter, double minDelta) {
    if (improves(epochValue, higherIsBetter, minDelta)) {
      return new BestSoFar(epochValue, epochNumber, 0);
    }
    return new BestSoFar(value, epoch, epochsWithoutImprovement + 1);
  }

  /** Whether a value would improve on the best. */
  public boolean improves(double candidate, boolean higherIsBetter, double minDelta) {
    if (Double.isNaN(candidate)) {
      return false;
    }
    if (Double.isNaN(value)) {
      return true;
    }
    return higherIsBetter ? candidate > value + minDelta : candidate < value - minDelta;
  }
}

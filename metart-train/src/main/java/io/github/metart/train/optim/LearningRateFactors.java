package io.github.metart.train.optim;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-parameter learning-rate factors as the updaters use them: the parameters that are updated
 * (factor above 0) and the groups of equal factor among them.
 */
final class LearningRateFactors {

  private final double[] factors;
  private final int[] order;
  private final double[] groupEnds;
  private final double[] groupFactors;

  private LearningRateFactors(double[] factors) {
    this.factors = factors.clone();
    List<Double> distinct = new ArrayList<>();
    int count = 0;
    for (double factor : factors) {
      checkArgument(
          factor >= 0 && Double.isFinite(factor),
          "learning-rate factors must be finite and 0 or more, got %s",
          factor);
      if (factor > 0) {
        count++;
        if (!distinct.contains(factor)) {
          distinct.add(factor);
        }
      }
    }
    checkArgument(count > 0, "every parameter is frozen (all learning-rate factors are 0)");
    order = new int[count];
    groupEnds = new double[distinct.size()];
    int p = 0;
    for (int g = 0; g < distinct.size(); g++) {
      for (int i = 0; i < factors.length; i++) {
        if (factors[i] == distinct.get(g)) {
          order[p++] = i;
        }
      }
      groupEnds[g] = p;
    }
    groupFactors = distinct.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** All parameters at factor 1. */
  static LearningRateFactors ones(int parameters) {
    double[] ones = new double[parameters];
    Arrays.fill(ones, 1);
    return new LearningRateFactors(ones);
  }

  /** Checked factors for {@code parameters} parameters. */
  static LearningRateFactors of(double[] factors, int parameters) {
    checkArgument(
        factors.length == parameters,
        "%s learning-rate factors for %s parameters",
        factors.length,
        parameters);
    return new LearningRateFactors(factors);
  }

  /** The factor of parameter {@code i}. */
  double factor(int i) {
    return factors[i];
  }

  /** Whether parameter {@code i} is updated. */
  boolean isActive(int i) {
    return factors[i] > 0;
  }

  /**
   * The indices of the updated parameters, group after group (in the order of the groups' first
   * parameter), ascending within a group: the fused program updates each group as one slice.
   */
  int[] order() {
    return order.clone();
  }

  /**
   * Where each group's slice of {@link #order()} ends, as doubles for the fused program (its double
   * lists arrive intact; counts below 2^53 are exact as doubles).
   */
  double[] groupEnds() {
    return groupEnds.clone();
  }

  /** The learning rate of each group for a base learning rate. */
  double[] groupLearningRates(double learningRate) {
    double[] rates = new double[groupFactors.length];
    for (int g = 0; g < rates.length; g++) {
      rates[g] = learningRate * groupFactors[g];
    }
    return rates;
  }
}

package io.github.metart.train.config;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The optimizer and its hyperparameters: {@link Sgd SGD} with momentum, Nesterov and weight decay,
 * or {@link Adam Adam}/AdamW. The semantics are PyTorch's ({@code torch.optim.SGD}, {@code Adam},
 * {@code AdamW}), so published recipes carry over unchanged.
 *
 * <pre>{@code
 * OptimizerConfig.sgd(0.01).withMomentum(0.9).withWeightDecay(5e-4)
 * OptimizerConfig.adamW(3e-4)
 * }</pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OptimizerConfig.Sgd.class, name = "sgd"),
  @JsonSubTypes.Type(value = OptimizerConfig.Adam.class, name = "adam")
})
public sealed interface OptimizerConfig {

  /** The base learning rate (before the schedule). */
  double learningRate();

  /** The weight decay: L2 penalty for SGD and Adam, decoupled decay for AdamW. */
  double weightDecay();

  /** This optimizer with another base learning rate. */
  OptimizerConfig withLearningRate(double learningRate);

  /** This optimizer with another weight decay. */
  OptimizerConfig withWeightDecay(double weightDecay);

  /** One line such as {@code sgd(lr=0.01, momentum=0.9, weight decay=0.0005)}. */
  String describe();

  /**
   * Parses an optimizer name (case-insensitive) into the optimizer with metart's defaults for it:
   * {@code sgd} is SGD at learning rate 0.01 with momentum 0.9; {@code adam} is Adam at 0.001;
   * {@code adamw} is AdamW at 0.001 with decoupled weight decay 0.01. Change the hyperparameters
   * with the {@code with...} methods.
   *
   * @param name {@code sgd}, {@code adam} or {@code adamw}
   * @return the optimizer
   * @throws IllegalArgumentException for another name, listing the allowed ones
   */
  static OptimizerConfig parse(String name) {
    checkArgument(name != null, "the optimizer name is missing: use sgd, adam or adamw");
    return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "sgd" -> sgd(0.01).withMomentum(0.9);
      case "adam" -> adam(0.001);
      case "adamw" -> adamW(0.001);
      default -> throw new IllegalArgumentException(
          "unknown optimizer '" + name + "': use sgd, adam or adamw");
    };
  }

  /** Plain SGD (no momentum, no weight decay) with the given learning rate. */
  static Sgd sgd(double learningRate) {
    return new Sgd(learningRate, 0, 0, false);
  }

  /** Adam with PyTorch's defaults (betas 0.9 and 0.999, epsilon 1e-8, no weight decay). */
  static Adam adam(double learningRate) {
    return new Adam(learningRate, 0.9, 0.999, 1e-8, 0, false);
  }

  /** AdamW with PyTorch's defaults (betas 0.9 and 0.999, epsilon 1e-8, decoupled decay 0.01). */
  static Adam adamW(double learningRate) {
    return new Adam(learningRate, 0.9, 0.999, 1e-8, 0.01, true);
  }

  /**
   * Stochastic gradient descent as in {@code torch.optim.SGD}: {@code d = g + weightDecay * w}; with
   * momentum {@code b = momentum * b + d} (the first step {@code b = d}) and {@code d = b}, or with
   * Nesterov {@code d = d + momentum * b}; then {@code w = w - lr * d}.
   *
   * @param learningRate the base learning rate, finite and positive
   * @param momentum the momentum, 0 (none) up to but excluding 1
   * @param weightDecay the L2 penalty, 0 or more
   * @param nesterov whether to use Nesterov momentum (needs a momentum)
   */
  record Sgd(double learningRate, double momentum, double weightDecay, boolean nesterov)
      implements OptimizerConfig {

    /** Validates the hyperparameters. */
    public Sgd {
      checkLearningRate(learningRate);
      checkArgument(
          momentum >= 0 && momentum < 1,
          "SGD momentum must be in [0, 1), got %s",
          momentum);
      checkWeightDecay(weightDecay);
      checkArgument(
          !nesterov || momentum > 0,
          "Nesterov momentum needs a momentum above 0, got momentum %s",
          momentum);
    }

    /** This optimizer with the given momentum. */
    public Sgd withMomentum(double newMomentum) {
      return new Sgd(learningRate, newMomentum, weightDecay, nesterov && newMomentum > 0);
    }

    /** This optimizer with the given L2 weight decay. */
    public Sgd withWeightDecay(double newWeightDecay) {
      return new Sgd(learningRate, momentum, newWeightDecay, nesterov);
    }

    /** This optimizer with Nesterov momentum switched on or off. */
    public Sgd withNesterov(boolean useNesterov) {
      return new Sgd(learningRate, momentum, weightDecay, useNesterov);
    }

    @Override
    public Sgd withLearningRate(double newLearningRate) {
      return new Sgd(newLearningRate, momentum, weightDecay, nesterov);
    }

    @Override
    public String describe() {
      return "sgd(lr="
          + learningRate
          + ", momentum="
          + momentum
          + (nesterov ? " nesterov" : "")
          + ", weight decay="
          + weightDecay
          + ")";
    }
  }

  /**
   * Adam ({@code torch.optim.Adam}, L2 weight decay added to the gradient) or AdamW ({@code
   * torch.optim.AdamW}, decoupled decay {@code w = w * (1 - lr * weightDecay)}).
   *
   * @param learningRate the base learning rate, finite and positive
   * @param beta1 the decay of the first moment, in [0, 1)
   * @param beta2 the decay of the second moment, in [0, 1)
   * @param epsilon added to the denominator, positive
   * @param weightDecay the weight decay, 0 or more
   * @param decoupledWeightDecay {@code true} for AdamW
   */
  record Adam(
      double learningRate,
      double beta1,
      double beta2,
      double epsilon,
      double weightDecay,
      boolean decoupledWeightDecay)
      implements OptimizerConfig {

    /** Validates the hyperparameters. */
    public Adam {
      checkLearningRate(learningRate);
      checkArgument(beta1 >= 0 && beta1 < 1, "Adam beta1 must be in [0, 1), got %s", beta1);
      checkArgument(beta2 >= 0 && beta2 < 1, "Adam beta2 must be in [0, 1), got %s", beta2);
      checkArgument(
          epsilon > 0 && Double.isFinite(epsilon),
          "Adam epsilon must be a finite number above 0, got %s",
          epsilon);
      checkWeightDecay(weightDecay);
    }

    /** This optimizer with the given moment decays. */
    public Adam withBetas(double newBeta1, double newBeta2) {
      return new Adam(learningRate, newBeta1, newBeta2, epsilon, weightDecay, decoupledWeightDecay);
    }

    /** This optimizer with the given epsilon. */
    public Adam withEpsilon(double newEpsilon) {
      return new Adam(learningRate, beta1, beta2, newEpsilon, weightDecay, decoupledWeightDecay);
    }

    /** This optimizer with the given weight decay (L2 for Adam, decoupled for AdamW). */
    public Adam withWeightDecay(double newWeightDecay) {
      return new Adam(learningRate, beta1, beta2, epsilon, newWeightDecay, decoupledWeightDecay);
    }

    @Override
    public Adam withLearningRate(double newLearningRate) {
      return new Adam(newLearningRate, beta1, beta2, epsilon, weightDecay, decoupledWeightDecay);
    }

    @Override
    public String describe() {
      return (decoupledWeightDecay ? "adamw" : "adam")
          + "(lr="
          + learningRate
          + ", betas="
          + beta1
          + "/"
          + beta2
          + ", eps="
          + epsilon
          + ", weight decay="
          + weightDecay
          + ")";
    }
  }

  private static void checkLearningRate(double learningRate) {
    checkArgument(
        learningRate > 0 && Double.isFinite(learningRate),
        "the learning rate must be a finite number above 0, got %s",
        learningRate);
  }

  private static void checkWeightDecay(double weightDecay) {
    checkArgument(
        weightDecay >= 0 && Double.isFinite(weightDecay),
        "weight decay must be a finite number of 0 or more, got %s",
        weightDecay);
  }
}

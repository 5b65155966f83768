package io.github.metart.train.config;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How the learning rate changes over training, as a factor of the optimizer's base rate computed at
 * every step from the training progress in epochs (epoch + fraction of its batches done):
 *
 * <ul>
 *   <li>{@link #constant()}: always 1;
 *   <li>{@link #step(int, double)}: multiplied by {@code gamma} every {@code stepEpochs} epochs;
 *   <li>{@link #cosine()}: cosine annealing from 1 down to {@code minFactor} at the last step;
 * </ul>
 *
 * each optionally preceded by a linear warm-up ({@link #withWarmup(double)}) from {@code
 * warmupStartFactor} to 1 over {@code warmupEpochs}; the schedule proper then starts at the end of
 * the warm-up.
 *
 * @param kind the shape of the schedule
 * @param stepEpochs for {@link Kind#STEP}: the number of epochs between decays, at least 1
 * @param gamma for {@link Kind#STEP}: the decay factor, in (0, 1]
 * @param minFactor for {@link Kind#COSINE}: the final factor, in [0, 1)
 * @param warmupEpochs the length of the linear warm-up in epochs, 0 for none
 * @param warmupStartFactor the factor at the start of the warm-up, in [0, 1]
 */
public record LearningRateSchedule(
    Kind kind,
    int stepEpochs,
    double gamma,
    double minFactor,
    double warmupEpochs,
    double warmupStartFactor) {

  /** The shape of a schedule. */
  public enum Kind {
    /** The base learning rate throughout. */
    CONSTANT,
    /** Step decay: multiplied by {@code gamma} every {@code stepEpochs} epochs. */
    STEP,
    /** Cosine annealing down to {@code minFactor}. */
    COSINE
  }

  /** Validates the schedule. */
  public LearningRateSchedule {
    checkArgument(kind != null, "the schedule kind is missing (constant, step or cosine)");
    checkArgument(
        kind != Kind.STEP || stepEpochs >= 1,
        "a step schedule needs stepEpochs of at least 1, got %s",
        stepEpochs);
    checkArgument(
        kind != Kind.STEP || (gamma > 0 && gamma <= 1),
        "a step schedule needs gamma in (0, 1], got %s",
        gamma);
    checkArgument(
        minFactor >= 0 && minFactor < 1,
        "the cosine schedule's minimum factor must be in [0, 1), got %s",
        minFactor);
    checkArgument(
        warmupEpochs >= 0 && Double.isFinite(warmupEpochs),
        "warm-up epochs must be a finite number of 0 or more, got %s",
        warmupEpochs);
    checkArgument(
        warmupStartFactor >= 0 && warmupStartFactor <= 1,
        "the warm-up start factor must be in [0, 1], got %s",
        warmupStartFactor);
  }

  /**
   * Parses a schedule (case-insensitive): {@code constant}, {@code cosine}, or {@code
   * step:EVERY:GAMMA} for {@link #step(int, double)} (e.g. {@code step:10:0.1}).
   *
   * @param text the schedule
   * @return the schedule, without warm-up
   * @throws IllegalArgumentException for anything else, saying how to write it
   */
  public static LearningRateSchedule parse(String text) {
    checkArgument(text != null, "the schedule is missing: use constant, cosine or step:EVERY:GAMMA");
    String[] parts = text.strip().toLowerCase(java.util.Locale.ROOT).split(":");
    switch (parts[0]) {
      case "constant":
        if (parts.length == 1) {
          return constant();
        }
        break;
      case "cosine":
        if (parts.length == 1) {
          return cosine();
        }
        break;
      case "step":
        if (parts.length == 3) {
          try {
            return step(Integer.parseInt(parts[1].strip()), Double.parseDouble(parts[2].strip()));
          } catch (NumberFormatException e) {
            // the message below says how to write it
          }
        }
        throw new IllegalArgumentException(
            "a step schedule is written step:EVERY:GAMMA, e.g. step:10:0.1; got '" + text + "'");
      default:
        break;
    }
    throw new IllegalArgumentException(
        "unknown schedule '" + text + "': use constant, cosine or step:EVERY:GAMMA");
  }

  /** The base learning rate throughout. */
  public static LearningRateSchedule constant() {
    return new LearningRateSchedule(Kind.CONSTANT, 1, 1, 0, 0, 0);
  }

  /** Multiplies the learning rate by {@code gamma} every {@code stepEpochs} epochs. */
  public static LearningRateSchedule step(int stepEpochs, double gamma) {
    return new LearningRateSchedule(Kind.STEP, stepEpochs, gamma, 0, 0, 0);
  }

  /** Cosine annealing from the base learning rate down to 0 at the end of training. */
  public static LearningRateSchedule cosine() {
    return cosine(0);
  }

  /** Cosine annealing from the base learning rate down to {@code minFactor} times it. */
  public static LearningRateSchedule cosine(double minFactor) {
    return new LearningRateSchedule(Kind.COSINE, 1, 1, minFactor, 0, 0);
  }

  /** This schedule after a linear warm-up from 0 over the given number of epochs. */
  public LearningRateSchedule withWarmup(double epochs) {
    return withWarmup(epochs, 0);
  }

  /** This schedule after a linear warm-up from {@code startFactor} over the given epochs. */
  public LearningRateSchedule withWarmup(double epochs, double startFactor) {
    return new LearningRateSchedule(kind, stepEpochs, gamma, minFactor, epochs, startFactor);
  }

  /**
   * The factor of the base learning rate at a point of training.
   *
   * @param progress epochs done so far, fractions included (the first step is at 0)
   * @param totalEpochs the number of epochs of the whole run
   * @return the factor, between 0 and 1
   */
  public double factor(double progress, int totalEpochs) {
    checkArgument(progress >= 0, "progress must be 0 or more, got %s", progress);
    checkArgument(totalEpochs >= 1, "total epochs must be at least 1, got %s", totalEpochs);
    if (progress < warmupEpochs) {
      return warmupStartFactor + (1 - warmupStartFactor) * (progress / warmupEpochs);
    }
    double since = progress - warmupEpochs;
    double length = Math.max(totalEpochs - warmupEpochs, 1e-9);
    return switch (kind) {
      case CONSTANT -> 1;
      case STEP -> Math.pow(gamma, Math.floor(since / stepEpochs + 1e-9));
      case COSINE -> {
        double t = Math.min(1, since / length);
        yield minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * t));
      }
    };
  }

  /** One line such as {@code cosine (to 0.0) after 2.0 warm-up epochs}. */
  public String describe() {
    String shape =
        switch (kind) {
          case CONSTANT -> "constant";
          case STEP -> "step (x" + gamma + " every " + stepEpochs + " epochs)";
          case COSINE -> "cosine (to " + minFactor + ")";
        };
    return warmupEpochs > 0 ? shape + " after " + warmupEpochs + " warm-up epochs" : shape;
  }
}

package io.github.metart.examples.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.metart.data.loading.Augmentation;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.EarlyStopping;
import io.github.metart.train.config.LearningRateSchedule;
import io.github.metart.train.config.Monitor;
import io.github.metart.train.config.OptimizerConfig;
import io.github.metart.train.config.TrainingConfig;
import java.util.Locale;
import java.util.Objects;

/**
 * How every run of an experiment is trained, as written in the spec's {@code training} object.
 * Missing values take the defaults below.
 *
 * @param epochs epochs per run (default 10)
 * @param batchSize images per step (default 32)
 * @param optimizer {@code sgd}, {@code adam} (default) or {@code adamw}
 * @param learningRate the base learning rate (default 0.01 for SGD, 0.001 for Adam and AdamW)
 * @param momentum SGD momentum (default 0.9)
 * @param weightDecay weight decay (default 0; 0.01 for AdamW)
 * @param schedule {@code constant}, {@code cosine} (default) or {@code step:EVERY:GAMMA}
 * @param warmupEpochs linear learning-rate warm-up in epochs (default 0)
 * @param augmentation {@code none}, {@code crop-flip} (default) or {@code standard}
 * @param earlyStoppingPatience stop a run after this many epochs without a better validation
 *     metric, 0 for never (default)
 * @param seed the seed of every run (default 42)
 * @param devices {@code auto} (default: every GPU, else the CPU), {@code cpu} or GPU indices {@code
 *     0,1}
 * @param cpuThreads CPU compute threads, 0 for one per processor (default)
 */
public record TrainingSettings(
    Integer epochs,
    Integer batchSize,
    String optimizer,
    Double learningRate,
    Double momentum,
    Double weightDecay,
    String schedule,
    Double warmupEpochs,
    String augmentation,
    Integer earlyStoppingPatience,
    Long seed,
    String devices,
    Integer cpuThreads) {

  /** Fills in the defaults and validates every value (the messages name the setting). */
  public TrainingSettings {
    epochs = Objects.requireNonNullElse(epochs, 10);
    batchSize = Objects.requireNonNullElse(batchSize, 32);
    optimizer = Objects.requireNonNullElse(optimizer, "adam").strip().toLowerCase(Locale.ROOT);
    momentum = Objects.requireNonNullElse(momentum, 0.9);
    schedule = Objects.requireNonNullElse(schedule, "cosine").strip().toLowerCase(Locale.ROOT);
    warmupEpochs = Objects.requireNonNullElse(warmupEpochs, 0.0);
    augmentation = Objects.requireNonNullElse(augmentation, "crop-flip").strip().toLowerCase(Locale.ROOT);
    earlyStoppingPatience = Objects.requireNonNullElse(earlyStoppingPatience, 0);
    seed = Objects.requireNonNullElse(seed, 42L);
    devices = Objects.requireNonNullElse(devices, "auto").strip();
    cpuThreads = Objects.requireNonNullElse(cpuThreads, 0);
    checkArgument(
        earlyStoppingPatience >= 0, "earlyStoppingPatience must be 0 (off) or more, got %s", earlyStoppingPatience);
    augmentationOf(augmentation);
    configOf(epochs, batchSize, optimizer, learningRate, momentum, weightDecay, schedule, warmupEpochs,
        earlyStoppingPatience, seed, devices, cpuThreads);
  }

  /** The defaults. */
  public static TrainingSettings defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.epochs = epochs;
    b.batchSize = batchSize;
    b.optimizer = optimizer;
    b.learningRate = learningRate;
    b.momentum = momentum;
    b.weightDecay = weightDecay;
    b.schedule = schedule;
    b.warmupEpochs = warmupEpochs;
    b.augmentation = augmentation;
    b.earlyStoppingPatience = earlyStoppingPatience;
    b.seed = seed;
    b.devices = devices;
    b.cpuThreads = cpuThreads;
    return b;
  }

  /** The training configuration of every run. */
  public TrainingConfig config() {
    return configOf(epochs, batchSize, optimizer, learningRate, momentum, weightDecay, schedule,
        warmupEpochs, earlyStoppingPatience, seed, devices, cpuThreads);
  }

  /** The augmentation of the training images. */
  public Augmentation trainingAugmentation() {
    return augmentationOf(augmentation);
  }

  private static TrainingConfig configOf(
      int epochs, int batchSize, String optimizer, Double learningRate, double momentum,
      Double weightDecay, String schedule, double warmupEpochs, int patience, long seed,
      String devices, int cpuThreads) {
    TrainingConfig.Builder config =
        TrainingConfig.builder()
            .epochs(epochs)
            .batchSize(batchSize)
            .optimizer(optimizerOf(optimizer, learningRate, momentum, weightDecay))
            .schedule(scheduleOf(schedule).withWarmup(warmupEpochs))
            .seed(seed)
            .devices(DeviceChoice.parse(devices))
            .cpuThreads(cpuThreads);
    if (patience > 0) {
      config.earlyStopping(EarlyStopping.on(Monitor.VAL_METRIC).withPatience(patience));
    }
    return config.build();
  }

  private static OptimizerConfig optimizerOf(
      String name, Double learningRate, double momentum, Double weightDecay) {
    OptimizerConfig optimizer = named("optimizer", () -> OptimizerConfig.parse(name));
    if (optimizer instanceof OptimizerConfig.Sgd sgd) {
      optimizer = sgd.withMomentum(momentum);
    }
    if (learningRate != null) {
      optimizer = optimizer.withLearningRate(learningRate);
    }
    if (weightDecay != null) {
      optimizer = optimizer.withWeightDecay(weightDecay);
    }
    return optimizer;
  }

  private static LearningRateSchedule scheduleOf(String text) {
    return named("schedule", () -> LearningRateSchedule.parse(text));
  }

  /** A parsed value; a parse error names the setting. */
  private static <T> T named(String setting, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses an augmentation name (case-insensitive): {@code none}, {@code crop-flip} or {@code
   * standard} (crop, flip and colour jitter).
   *
   * @param name the name
   * @return the augmentation
   * @throws IllegalArgumentException for another name, listing the allowed ones
   */
  public static Augmentation parseAugmentation(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "none" -> Augmentation.NONE;
      case "crop-flip" -> Augmentation.cropAndFlip();
      case "standard" -> Augmentation.standard();
      default -> throw new IllegalArgumentException(
          "unknown augmentation '" + name + "': use none, crop-flip or standard");
    };
  }

  private static Augmentation augmentationOf(String name) {
    return named("augmentation", () -> parseAugmentation(name));
  }

  /** Builds {@link TrainingSettings}; unset values take the defaults. */
  public static final class Builder {
    private Integer epochs;
    private Integer batchSize;
    private String optimizer;
    private Double learningRate;
    private Double momentum;
    private Double weightDecay;
    private String schedule;
    private Double warmupEpochs;
    private String augmentation;
    private Integer earlyStoppingPatience;
    private Long seed;
    private String devices;
    private Integer cpuThreads;

    private Builder() {}

    /** Epochs per run. */
    public Builder epochs(int value) {
      epochs = value;
      return this;
    }

    /** Images per step. */
    public Builder batchSize(int value) {
      batchSize = value;
      return this;
    }

    /** {@code sgd}, {@code adam} or {@code adamw}. */
    public Builder optimizer(String value) {
      optimizer = value;
      return this;
    }

    /** The base learning rate. */
    public Builder learningRate(double value) {
      learningRate = value;
      return this;
    }

    /** SGD momentum. */
    public Builder momentum(double value) {
      momentum = value;
      return this;
    }

    /** Weight decay. */
    public Builder weightDecay(double value) {
      weightDecay = value;
      return this;
    }

    /** {@code constant}, {@code cosine} or {@code step:EVERY:GAMMA}. */
    public Builder schedule(String value) {
      schedule = value;
      return this;
    }

    /** Warm-up epochs. */
    public Builder warmupEpochs(double value) {
      warmupEpochs = value;
      return this;
    }

    /** {@code none}, {@code crop-flip} or {@code standard}. */
    public Builder augmentation(String value) {
      augmentation = value;
      return this;
    }

    /** Early-stopping patience in epochs, 0 for none. */
    public Builder earlyStoppingPatience(int value) {
      earlyStoppingPatience = value;
      return this;
    }

    /** The seed. */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** {@code auto}, {@code cpu} or GPU indices. */
    public Builder devices(String value) {
      devices = value;
      return this;
    }

    /** CPU compute threads, 0 for automatic. */
    public Builder cpuThreads(int value) {
      cpuThreads = value;
      return this;
    }

    /**
     * Validates and builds the settings.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public TrainingSettings build() {
      return new TrainingSettings(epochs, batchSize, optimizer, learningRate, momentum, weightDecay,
          schedule, warmupEpochs, augmentation, earlyStoppingPatience, seed, devices, cpuThreads);
    }
  }
}

package io.github.metart.train.config;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.metart.data.dataset.YearTargetChoice;
import io.github.metart.data.loading.AugmentPolicy;
import io.github.metart.data.loading.Augmentation;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A {@link TrainingConfig} as text: the form in which {@code metart train}'s options and the
 * {@code training} object of an experiment spec write it. Every setting is optional; an unset one
 * ({@code null}) takes {@link TrainingConfig.Builder}'s default, so the command line, experiments and
 * {@code Trainer.fit} share one set of defaults. {@link #config()} validates and builds; a wrong
 * value's message names the setting.
 *
 * @param epochs epochs
 * @param batchSize images per step
 * @param optimizer {@code sgd}, {@code adam} or {@code adamw}
 * @param learningRate the base learning rate (default: the optimizer's, 0.01 for SGD, 0.001 for
 *     Adam and AdamW)
 * @param momentum SGD momentum (default 0.9)
 * @param nesterov SGD with Nesterov momentum
 * @param weightDecay weight decay (default 0; 0.01 for AdamW)
 * @param schedule {@code constant}, {@code cosine} or {@code step:EVERY:GAMMA}
 * @param warmupEpochs linear learning-rate warm-up in epochs
 * @param loss {@code cross-entropy}, {@code l1}, {@code l2} or {@code huber:DELTA} (default: the
 *     head's)
 * @param labelSmoothing label smoothing of the cross-entropy
 * @param clipNorm the largest global gradient norm, 0 for no clipping
 * @param augmentation {@code none}, {@code crop-flip}, {@code standard}, {@code trivial} or {@code
 *     randaugment:N:M}, optionally a preset and a policy joined by {@code +} (see {@link
 *     #parseAugmentation})
 * @param earlyStopping the monitor that stops a run when it stalls ({@code val_loss}, {@code
 *     val_metric}, {@code train_loss}, {@code train_metric}), or {@code off}
 * @param earlyStoppingPatience epochs without improvement before stopping (with no monitor given,
 *     a patience above 0 stops on {@code val_metric}; 0 switches early stopping off)
 * @param seed the seed of everything random
 * @param devices {@code auto}, {@code cpu} or GPU indices such as {@code 0,1}
 * @param cpuThreads CPU compute threads, 0 for one per processor
 * @param checkpointEverySteps also checkpoint every this many steps, 0 for epoch ends only
 * @param freezeBackboneEpochs epochs at the start with the backbone frozen (inference mode, batch-norm statistics kept), 0 for none
 * @param backboneLrFactor the backbone's learning rate as a multiple of the head's (default 1)
 * @param ema the decay of an exponential moving average of the weights (with warm-up), e.g. 0.999; 0 or unset for none
 * @param accumulate gradient accumulation: the batches whose gradients make one update (effective batch accumulate x batchSize), default 1
 * @param classWeights {@code balanced} (each class weighs n / (k * count) in the cross-entropy) or {@code none} (default)
 * @param yearTarget {@code interval}, {@code random} or {@code midpoint} (see {@link
 *     io.github.metart.data.dataset.YearTargetChoice}; default {@code random})
 * @param yearLossWeight the weight of the year loss of a culture+year model (default 1)
 * @param randomErasing the probability of random erasing per training image (default 0: none)
 * @param mixup mixup's α (default 0: none); see {@link Augmentation#mixup()}
 * @param cutmix CutMix's α (default 0: none); see {@link Augmentation#cutmix()}
 * @param emaEvery with {@code ema}: update the average after every this many weight updates, with
 *     the decay to that power (default 1: after each); see {@link WeightAverage#every()}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingSettings(
    Integer epochs,
    Integer batchSize,
    String optimizer,
    Double learningRate,
    Double momentum,
    Boolean nesterov,
    Double weightDecay,
    String schedule,
    Double warmupEpochs,
    String loss,
    Double labelSmoothing,
    Double clipNorm,
    String augmentation,
    String earlyStopping,
    Integer earlyStoppingPatience,
    Long seed,
    String devices,
    Integer cpuThreads,
    Integer checkpointEverySteps,
    Integer freezeBackboneEpochs,
    Double backboneLrFactor,
    Double ema,
    Integer accumulate,
    String classWeights,
    String yearTarget,
    Double yearLossWeight,
    Double randomErasing,
    Double mixup,
    Double cutmix,
    Integer emaEvery) {

  /** Validates every value by building the configuration (the messages name the setting). */
  public TrainingSettings {
    config(
        epochs, batchSize, optimizer, learningRate, momentum, nesterov, weightDecay, schedule,
        warmupEpochs, loss, labelSmoothing, clipNorm, augmentation, earlyStopping,
        earlyStoppingPatience, seed, devices, cpuThreads, checkpointEverySteps, freezeBackboneEpochs, backboneLrFactor, ema, accumulate, classWeights, yearTarget, yearLossWeight, randomErasing, mixup, cutmix, emaEvery);
  }

  /** No setting given: every value is {@link TrainingConfig}'s default. */
  public static TrainingSettings defaults() {
    return builder().build();
  }

  /** A builder with no setting given. */
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
    b.nesterov = nesterov;
    b.weightDecay = weightDecay;
    b.schedule = schedule;
    b.warmupEpochs = warmupEpochs;
    b.loss = loss;
    b.labelSmoothing = labelSmoothing;
    b.clipNorm = clipNorm;
    b.augmentation = augmentation;
    b.earlyStopping = earlyStopping;
    b.earlyStoppingPatience = earlyStoppingPatience;
    b.seed = seed;
    b.devices = devices;
    b.cpuThreads = cpuThreads;
    b.checkpointEverySteps = checkpointEverySteps;
    b.classWeights = classWeights;
    b.accumulate = accumulate;
    b.ema = ema;
    b.backboneLrFactor = backboneLrFactor;
    b.freezeBackboneEpochs = freezeBackboneEpochs;
    b.yearTarget = yearTarget;
    b.yearLossWeight = yearLossWeight;
    b.randomErasing = randomErasing;
    b.mixup = mixup;
    b.cutmix = cutmix;
    b.emaEvery = emaEvery;
    return b;
  }

  /** The training configuration: {@link TrainingConfig}'s defaults with these settings applied. */
  public TrainingConfig config() {
    return config(
        epochs, batchSize, optimizer, learningRate, momentum, nesterov, weightDecay, schedule,
        warmupEpochs, loss, labelSmoothing, clipNorm, augmentation, earlyStopping,
        earlyStoppingPatience, seed, devices, cpuThreads, checkpointEverySteps, freezeBackboneEpochs, backboneLrFactor, ema, accumulate, classWeights, yearTarget, yearLossWeight, randomErasing, mixup, cutmix, emaEvery);
  }

  private static TrainingConfig config(
      Integer epochs,
      Integer batchSize,
      String optimizer,
      Double learningRate,
      Double momentum,
      Boolean nesterov,
      Double weightDecay,
      String schedule,
      Double warmupEpochs,
      String loss,
      Double labelSmoothing,
      Double clipNorm,
      String augmentation,
      String earlyStopping,
      Integer earlyStoppingPatience,
      Long seed,
      String devices,
      Integer cpuThreads,
      Integer checkpointEverySteps,
      Integer freezeBackboneEpochs,
      Double backboneLrFactor,
      Double ema,
      Integer accumulate,
      String classWeights,
      String yearTarget,
      Double yearLossWeight,
      Double randomErasing,
      Double mixup,
      Double cutmix,
      Integer emaEvery) {
    TrainingConfig.Builder config = TrainingConfig.builder();
    TrainingConfig defaults = config.build();
    if (epochs != null) {
      config.epochs(epochs);
    }
    if (batchSize != null) {
      config.batchSize(batchSize);
    }
    config.optimizer(
        named(
            "optimizer",
            () ->
                optimizerOf(
                    optimizer == null ? null : OptimizerConfig.parse(optimizer),
                    defaults.optimizer(),
                    learningRate,
                    momentum,
                    nesterov,
                    weightDecay)));
    LearningRateSchedule chosenSchedule =
        schedule == null ? defaults.schedule() : named("schedule", () -> LearningRateSchedule.parse(schedule));
    if (warmupEpochs != null) {
      LearningRateSchedule base = chosenSchedule;
      chosenSchedule = named("warmupEpochs", () -> base.withWarmup(warmupEpochs));
    }
    config.schedule(chosenSchedule);
    config.loss(named("loss", () -> lossOf(loss, labelSmoothing)));
    if (clipNorm != null) {
      checkArgument(clipNorm >= 0, "clipNorm must be 0 (off) or more, got %s", clipNorm);
      config.clipping(clipNorm > 0 ? GradientClipping.byNorm(clipNorm) : GradientClipping.none());
    }
    Augmentation images =
        augmentation == null ? defaults.augmentation() : named("augmentation", () -> parseAugmentation(augmentation));
    if (randomErasing != null) {
      images = named("randomErasing", withValue(images, randomErasing, Augmentation::withErasing));
    }
    if (mixup != null) {
      images = named("mixup", withValue(images, mixup, Augmentation::withMixup));
    }
    if (cutmix != null) {
      images = named("cutmix", withValue(images, cutmix, Augmentation::withCutmix));
    }
    config.augmentation(images);
    config.earlyStopping(named("earlyStopping", () -> earlyStoppingOf(earlyStopping, earlyStoppingPatience)));
    if (seed != null) {
      config.seed(seed);
    }
    if (devices != null) {
      config.devices(named("devices", () -> DeviceChoice.parse(devices)));
    }
    if (cpuThreads != null) {
      config.cpuThreads(cpuThreads);
    }
    if (checkpointEverySteps != null) {
      config.checkpointEverySteps(checkpointEverySteps);
    }
    if (freezeBackboneEpochs != null || backboneLrFactor != null) {
      FineTuning base = defaults.fineTuning();
      // FineTuning's messages name freezeBackboneEpochs or backboneLrFactor
      config.fineTuning(
          new FineTuning(
              freezeBackboneEpochs == null ? base.freezeBackboneEpochs() : freezeBackboneEpochs,
              backboneLrFactor == null ? base.backboneLrFactor() : backboneLrFactor));
    }

    if (ema != null) {
      checkArgument(ema >= 0 && ema < 1, "ema must be in [0, 1) (0 for none), got %s", ema);
      config.ema(ema == 0 ? WeightAverage.none() : WeightAverage.of(ema));
    }
    if (emaEvery != null && !Double.valueOf(0).equals(ema)) { // ema 0 (none) wins, e.g. in a variant
      WeightAverage average =
          ema == null ? defaults.ema() : ema == 0 ? WeightAverage.none() : WeightAverage.of(ema);
      checkArgument(average.isOn(), "emaEvery goes with an ema decay above 0, got ema %s", ema);
      config.ema(named("emaEvery", () -> average.withEvery(emaEvery)));
    }
    if (accumulate != null) {
      config.accumulateSteps(accumulate);
    }
    if (classWeights != null) {
      config.classWeights(named("classWeights", () -> ClassWeighting.parse(classWeights)));
    }
    if (yearTarget != null) {
      config.yearTarget(named("yearTarget", () -> YearTargetChoice.parse(yearTarget)));
    }
    if (yearLossWeight != null) {
      config.yearLossWeight(yearLossWeight);
    }
    return config.build();
  }

  private static OptimizerConfig optimizerOf(
      OptimizerConfig named,
      OptimizerConfig defaults,
      Double learningRate,
      Double momentum,
      Boolean nesterov,
      Double weightDecay) {
    OptimizerConfig chosen = named == null ? defaults : named;
    if (chosen instanceof OptimizerConfig.Sgd sgd) {
      if (momentum != null) {
        sgd = sgd.withMomentum(momentum);
      }
      if (nesterov != null) {
        sgd = sgd.withNesterov(nesterov);
      }
      chosen = sgd;
    } else {
      checkArgument(
          momentum == null && nesterov == null,
          "momentum and nesterov apply to sgd, not %s",
          chosen.describe());
    }
    if (learningRate != null) {
      chosen = chosen.withLearningRate(learningRate);
    }
    if (weightDecay != null) {
      chosen = chosen.withWeightDecay(weightDecay);
    }
    return chosen;
  }

  private static LossConfig lossOf(String loss, Double labelSmoothing) {
    double smoothing = labelSmoothing == null ? 0 : labelSmoothing;
    if (loss == null) {
      return smoothing > 0 ? LossConfig.crossEntropy(smoothing) : null;
    }
    LossConfig chosen = LossConfig.parse(loss);
    if (chosen.kind() == LossConfig.Kind.CROSS_ENTROPY) {
      return LossConfig.crossEntropy(smoothing);
    }
    checkArgument(smoothing == 0, "labelSmoothing applies to cross-entropy, not %s", loss);
    return chosen;
  }

  private static EarlyStopping earlyStoppingOf(String monitor, Integer patience) {
    boolean off = monitor != null && monitor.strip().equalsIgnoreCase("off");
    if (off || (monitor == null && (patience == null || patience == 0))) {
      return EarlyStopping.disabled();
    }
    checkArgument(
        patience == null || patience >= 1,
        "earlyStoppingPatience must be at least 1 with a monitor, got %s",
        patience);
    EarlyStopping stopping = EarlyStopping.on(monitor == null ? Monitor.VAL_METRIC : Monitor.parse(monitor));
    return patience == null ? stopping : stopping.withPatience(patience);
  }

  private static Supplier<Augmentation> withValue(
      Augmentation images, double value, java.util.function.BiFunction<Augmentation, Float, Augmentation> with) {
    return () -> with.apply(images, (float) value);
  }

  /** A parsed value; a parse error names the setting. */
  private static <T> T named(String setting, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses an augmentation (case-insensitive): a preset, {@code none}, {@code crop-flip} or {@code
   * standard} (crop, flip and colour jitter); a policy, {@code trivial} (TrivialAugment-Wide) or
   * {@code randaugment:N:M} (RandAugment with N operations at magnitude M of 0..30), which adds
   * the policy to {@code crop-flip}; or a preset and a policy joined by {@code +}, such as {@code
   * standard+trivial} or {@code none+randaugment:2:9}. Random erasing, mixup and CutMix are
   * settings of their own.
   *
   * @throws IllegalArgumentException for anything else, listing the allowed forms
   */
  public static Augmentation parseAugmentation(String name) {
    String text = name.strip().toLowerCase(Locale.ROOT);
    int plus = text.indexOf('+');
    String preset = plus < 0 ? text : text.substring(0, plus).strip();
    Augmentation base =
        switch (preset) {
          case "none" -> Augmentation.NONE;
          case "crop-flip" -> Augmentation.cropAndFlip();
          case "standard" -> Augmentation.standard();
          default -> null;
        };
    if (base == null && plus < 0) {
      try {
        return Augmentation.cropAndFlip().withPolicy(AugmentPolicy.parse(text));
      } catch (IllegalArgumentException e) {
        if (e.getMessage().startsWith(AugmentPolicy.UNKNOWN)) {
          throw new IllegalArgumentException(unknownAugmentation(name), e);
        }
        throw e; // a policy written wrongly: its own message says how
      }
    }
    if (base == null) {
      throw new IllegalArgumentException(unknownAugmentation(name));
    }
    return plus < 0 ? base : base.withPolicy(AugmentPolicy.parse(text.substring(plus + 1)));
  }

  private static String unknownAugmentation(String name) {
    return "unknown augmentation '"
        + name
        + "': use none, crop-flip, standard, trivial or randaugment:N:M, or a preset and a policy"
        + " such as standard+trivial";
  }

  /** Builds {@link TrainingSettings}; what is not set takes {@link TrainingConfig}'s default. */
  public static final class Builder {
    private Integer epochs;
    private Integer batchSize;
    private String optimizer;
    private Double learningRate;
    private Double momentum;
    private Boolean nesterov;
    private Double weightDecay;
    private String schedule;
    private Double warmupEpochs;
    private String loss;
    private Double labelSmoothing;
    private Double clipNorm;
    private String augmentation;
    private String earlyStopping;
    private Integer earlyStoppingPatience;
    private Long seed;
    private String devices;
    private Integer cpuThreads;
    private Integer checkpointEverySteps;
    private String yearTarget;
    private Double yearLossWeight;
    private Double randomErasing;
    private Double mixup;
    private Double cutmix;
    private Integer emaEvery;

    private Integer freezeBackboneEpochs;
    private Double backboneLrFactor;
    private Double ema;
    private Integer accumulate;
    private String classWeights;
    private Builder() {}

    /** Epochs. */
    public Builder epochs(Integer value) {
      epochs = value;
      return this;
    }

    /** Images per step. */
    public Builder batchSize(Integer value) {
      batchSize = value;
      return this;
    }

    /** {@code sgd}, {@code adam} or {@code adamw}. */
    public Builder optimizer(String value) {
      optimizer = value;
      return this;
    }

    /** The base learning rate. */
    public Builder learningRate(Double value) {
      learningRate = value;
      return this;
    }

    /** SGD momentum. */
    public Builder momentum(Double value) {
      momentum = value;
      return this;
    }

    /** SGD with Nesterov momentum. */
    public Builder nesterov(Boolean value) {
      nesterov = value;
      return this;
    }

    /** Weight decay. */
    public Builder weightDecay(Double value) {
      weightDecay = value;
      return this;
    }

    /** {@code constant}, {@code cosine} or {@code step:EVERY:GAMMA}. */
    public Builder schedule(String value) {
      schedule = value;
      return this;
    }

    /** Warm-up epochs. */
    public Builder warmupEpochs(Double value) {
      warmupEpochs = value;
      return this;
    }

    /** {@code cross-entropy}, {@code l1}, {@code l2} or {@code huber:DELTA}. */
    public Builder loss(String value) {
      loss = value;
      return this;
    }

    /** Label smoothing of the cross-entropy. */
    public Builder labelSmoothing(Double value) {
      labelSmoothing = value;
      return this;
    }

    /** The largest global gradient norm, 0 for none. */
    public Builder clipNorm(Double value) {
      clipNorm = value;
      return this;
    }

    /** A preset, a policy or both, see {@link TrainingSettings#parseAugmentation}. */
    public Builder augmentation(String value) {
      augmentation = value;
      return this;
    }

    /** The early-stopping monitor, or {@code off}. */
    public Builder earlyStopping(String value) {
      earlyStopping = value;
      return this;
    }

    /** Early-stopping patience in epochs. */
    public Builder earlyStoppingPatience(Integer value) {
      earlyStoppingPatience = value;
      return this;
    }

    /** The seed. */
    public Builder seed(Long value) {
      seed = value;
      return this;
    }

    /** {@code auto}, {@code cpu} or GPU indices. */
    public Builder devices(String value) {
      devices = value;
      return this;
    }

    /** CPU compute threads, 0 for automatic. */
    public Builder cpuThreads(Integer value) {
      cpuThreads = value;
      return this;
    }

    /** Also checkpoint every this many steps. */
    public Builder checkpointEverySteps(Integer value) {
      checkpointEverySteps = value;
      return this;
    }

    /** See {@link TrainingSettings#freezeBackboneEpochs()}. */
    public Builder freezeBackboneEpochs(Integer value) {
      freezeBackboneEpochs = value;
      return this;
    }

    /** See {@link TrainingSettings#backboneLrFactor()}. */
    public Builder backboneLrFactor(Double value) {
      backboneLrFactor = value;
      return this;
    }

    /** See {@link TrainingSettings#ema()}. */
    public Builder ema(Double value) {
      ema = value;
      return this;
    }

    /** See {@link TrainingSettings#accumulate()}. */
    public Builder accumulate(Integer value) {
      accumulate = value;
      return this;
    }

    /** See {@link TrainingSettings#classWeights()}. */
    public Builder classWeights(String value) {
      classWeights = value;
      return this;
    }

    /** {@code interval}, {@code random} or {@code midpoint}. */
    public Builder yearTarget(String value) {
      yearTarget = value;
      return this;
    }

    /** The weight of the year loss of a culture+year model. */
    public Builder yearLossWeight(Double value) {
      yearLossWeight = value;
      return this;
    }

    /** The random-erasing probability per training image. */
    public Builder randomErasing(Double value) {
      randomErasing = value;
      return this;
    }

    /** Mixup's α. */
    public Builder mixup(Double value) {
      mixup = value;
      return this;
    }

    /** CutMix's α. */
    public Builder cutmix(Double value) {
      cutmix = value;
      return this;
    }

    /** See {@link TrainingSettings#emaEvery()}. */
    public Builder emaEvery(Integer value) {
      emaEvery = value;
      return this;
    }

    /**
     * Validates and builds the settings.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public TrainingSettings build() {
      return new TrainingSettings(
          epochs, batchSize, optimizer, learningRate, momentum, nesterov, weightDecay, schedule,
          warmupEpochs, loss, labelSmoothing, clipNorm, augmentation, earlyStopping,
          earlyStoppingPatience, seed, devices, cpuThreads, checkpointEverySteps, freezeBackboneEpochs, backboneLrFactor, ema, accumulate, classWeights, yearTarget, yearLossWeight, randomErasing, mixup, cutmix, emaEvery);
    }
  }
}

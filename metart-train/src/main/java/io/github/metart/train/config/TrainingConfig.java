package io.github.metart.train.config;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.metart.data.dataset.YearTargetChoice;
import io.github.metart.data.loading.Augmentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything that decides how a model is trained: epochs, batch size, optimizer, learning-rate
 * schedule, loss, early stopping, gradient clipping and seed, plus how the run uses the machine
 * (devices, threads, checkpoint frequency). Immutable and validated; build one with {@link
 * #builder()}:
 *
 * <pre>{@code
 * TrainingConfig config = TrainingConfig.builder()
 *     .epochs(30)
 *     .batchSize(32)
 *     .optimizer(OptimizerConfig.sgd(0.01).withMomentum(0.9).withWeightDecay(5e-4))
 *     .schedule(LearningRateSchedule.cosine().withWarmup(1))
 *     .earlyStopping(EarlyStopping.on(Monitor.VAL_METRIC).withPatience(5))
 *     .seed(42)
 *     .build();
 * }</pre>
 *
 * @param epochs the number of epochs, at least 1
 * @param batchSize the number of images per step (split across devices), at least 1
 * @param optimizer the optimizer
 * @param schedule the learning-rate schedule
 * @param loss the loss, or {@code null} for the head's default (cross-entropy for classifier and
 *     binned-year heads, L1 for year regression)
 * @param earlyStopping early stopping, possibly disabled
 * @param clipping gradient clipping, possibly none
 * @param seed the seed of everything random: initialization (when the model is not yet
 *     initialized), the per-epoch shuffling, augmentation, dropout
 * @param augmentation how the training images are augmented (drawn per seed, epoch and image, so
 *     that a resumed run sees the same images; {@code null} for the default random crop and flip);
 *     datasets opened for training through {@code
 *     PreparedData} or {@code PreparedTraining} are loaded with it, and the trainer refuses a metart
 *     dataset loaded with another
 * @param devices which devices to train on
 * @param cpuThreads compute threads on the CPU, 0 for one per available processor
 * @param loaderThreads threads that prepare the next batches while a step runs, 0 for automatic
 *     (half the processors, 1 to 4)
 * @param checkpointEverySteps also write the last checkpoint every this many steps within an epoch,
 *     0 for epoch ends only
 * @param checkpointEveryMinutes also write the last checkpoint when this many minutes passed since
 *     the previous one, 0 for never
 * @param dropLastBatch whether to skip the last, smaller batch of each epoch
 * @param restoreBestWeights whether the model ends with the best epoch's weights (else the last's)
 * @param fusedUpdates whether to use PyTorch's fused in-place optimizer kernels (falls back to
 *     portable DJL updates when they are unavailable); off only for debugging
 * @param monitor what decides the best checkpoint, or {@code null} for automatic (the early-stopping
 *     monitor if on, else the validation metric when there is validation data, else the training
 *     loss)
 * @param fineTuning how a backbone-and-head network is fine-tuned (backbone frozen for the first
 *     epochs, its learning rate a multiple of the head's); {@code null} for {@link
 *     FineTuning#none()}
 * @param ema the exponential moving average of the weights ({@link WeightAverage#none()} for none,
 *     {@code null} read as none); with one, the average is what is validated, kept as best and saved
 * @param accumulateSteps gradient accumulation: the gradients of this many consecutive batches are
 *     summed (each batch weighted by its share of the images) before one update, so one update sees
 *     {@code accumulateSteps * batchSize} images; 1 for an update per batch (0 read as 1)
 * @param classWeights how a classification loss weighs its classes ({@code null} read as {@link
 *     ClassWeighting#NONE})
 * @param yearTarget what a year model learns from each object's date interval ({@code null}: {@link
 *     YearTargetChoice#DEFAULT}, the year prepare drew); datasets opened through {@code
 *     PreparedData} or {@code PreparedTraining} are labeled for it; ignored by the culture task
 * @param yearLossWeight the weight of the year loss beside the culture loss of a model with both
 *     heads (culture+year): {@code loss = culture + yearLossWeight * year}; {@code null} for 1;
 *     ignored by single-head models
 */
public record TrainingConfig(
    int epochs,
    int batchSize,
    OptimizerConfig optimizer,
    LearningRateSchedule schedule,
    LossConfig loss,
    EarlyStopping earlyStopping,
    GradientClipping clipping,
    long seed,
    Augmentation augmentation,
    DeviceChoice devices,
    int cpuThreads,
    int loaderThreads,
    int checkpointEverySteps,
    double checkpointEveryMinutes,
    boolean dropLastBatch,
    boolean restoreBestWeights,
    boolean fusedUpdates,
    Monitor monitor,
    FineTuning fineTuning,
    WeightAverage ema,
    int accumulateSteps,
    ClassWeighting classWeights,
    YearTargetChoice yearTarget,
    Double yearLossWeight) {

  /** The largest batch size accepted. */
  public static final int MAX_BATCH_SIZE = 65_536;

  /** The largest number of batches whose gradients are accumulated into one update. */
  public static final int MAX_ACCUMULATE_STEPS = 1024;

  /** The largest number of epochs accepted. */
  public static final int MAX_EPOCHS = 100_000;

  /** Validates the configuration. */
  public TrainingConfig {
    checkArgument(
        epochs >= 1 && epochs <= MAX_EPOCHS,
        "epochs must be between 1 and %s, got %s",
        MAX_EPOCHS,
        epochs);
    checkArgument(
        batchSize >= 1 && batchSize <= MAX_BATCH_SIZE,
        "the batch size must be between 1 and %s, got %s",
        MAX_BATCH_SIZE,
        batchSize);
    checkArgument(optimizer != null, "the optimizer is missing (e.g. OptimizerConfig.sgd(0.01))");
    checkArgument(schedule != null, "the schedule is missing (e.g. LearningRateSchedule.constant())");
    checkArgument(earlyStopping != null, "early stopping is missing (EarlyStopping.disabled())");
    checkArgument(clipping != null, "gradient clipping is missing (GradientClipping.none())");
    checkArgument(devices != null, "the devices are missing (DeviceChoice.auto())");
    // a configuration recorded before augmentation was part of it: those runs used the default
    augmentation = augmentation == null ? Augmentation.cropAndFlip() : augmentation;
    // a configuration recorded before fine-tuning was part of it trained every parameter alike
    fineTuning = fineTuning == null ? FineTuning.none() : fineTuning;
    ema = ema == null ? WeightAverage.none() : ema;
    // a configuration recorded before accumulation was part of it updated after every batch
    accumulateSteps = accumulateSteps == 0 ? 1 : accumulateSteps;
    classWeights = classWeights == null ? ClassWeighting.NONE : classWeights;
    checkArgument(
        accumulateSteps >= 1 && accumulateSteps <= MAX_ACCUMULATE_STEPS,
        "accumulateSteps must be between 1 (an update per batch) and %s, got %s",
        MAX_ACCUMULATE_STEPS,
        accumulateSteps);
    // a configuration recorded before the year target was part of it: those runs used the drawn year
    yearTarget = yearTarget == null ? YearTargetChoice.DEFAULT : yearTarget;
    yearLossWeight = yearLossWeight == null ? 1.0 : yearLossWeight;
    checkArgument(
        Double.isFinite(yearLossWeight) && yearLossWeight >= 0,
        "the year loss weight must be a finite number of 0 or more, got %s",
        yearLossWeight);
    checkArgument(
        cpuThreads >= 0 && cpuThreads <= 1024,
        "CPU threads must be between 0 (automatic) and 1024, got %s",
        cpuThreads);
    checkArgument(
        loaderThreads >= 0 && loaderThreads <= 64,
        "loader threads must be between 0 (automatic) and 64, got %s",
        loaderThreads);
    checkArgument(
        checkpointEverySteps >= 0,
        "checkpointEverySteps must be 0 (epoch ends only) or more, got %s",
        checkpointEverySteps);
    checkArgument(
        checkpointEveryMinutes >= 0 && Double.isFinite(checkpointEveryMinutes),
        "checkpointEveryMinutes must be a finite number of 0 (never) or more, got %s",
        checkpointEveryMinutes);
    if (schedule.warmupEpochs() > epochs) {
      throw new IllegalArgumentException(
          "the warm-up ("
              + schedule.warmupEpochs()
              + " epochs) is longer than the training ("
              + epochs
              + " epochs)");
    }
  }

  /** A builder starting from the defaults (see {@link Builder}). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * What differs between this configuration and the one a checkpoint was trained with, in the
   * settings that decide the result; empty when a run can resume with this configuration. The
   * number of epochs, the devices, threads and checkpoint frequency may change on resume (a
   * different number of CPU compute threads can change float reductions: the trainer warns).
   * Switching between fused and portable updates is refused: they agree only to about 1e-5, so the
   * resumed run would not continue the checkpoint's exactly.
   *
   * @param trained the configuration stored in the checkpoint
   * @return one line per difference, e.g. {@code batchSize: 32 in the checkpoint, 64 now}
   */
  public List<String> resumeDifferences(TrainingConfig trained) {
    List<String> differences = new ArrayList<>();
    compare(differences, "batchSize", trained.batchSize, batchSize);
    compare(differences, "accumulateSteps", trained.accumulateSteps, accumulateSteps);
    compare(differences, "optimizer", trained.optimizer, optimizer, OptimizerConfig::describe);
    compare(differences, "schedule", trained.schedule, schedule, LearningRateSchedule::describe);
    compare(differences, "loss", trained.loss, loss, TrainingConfig::describe);
    compare(differences, "classWeights", trained.classWeights.key(), classWeights.key());
    compare(differences, "earlyStopping", trained.earlyStopping, earlyStopping, EarlyStopping::describe);
    compare(differences, "clipping", trained.clipping, clipping, GradientClipping::describe);
    compare(differences, "seed", trained.seed, seed);
    compare(differences, "augmentation", trained.augmentation, augmentation, Augmentation::describe);
    compare(differences, "dropLastBatch", trained.dropLastBatch, dropLastBatch);
    compare(differences, "monitor", trained.monitor, monitor);
    if (!trained.fineTuning.equals(fineTuning)) {
      compare(differences, "fineTuning", trained.fineTuning.describe(), fineTuning.describe());
    }
    if (!trained.ema.equals(ema)) {
      compare(differences, "ema", trained.ema.describe(), ema.describe());
    }
    compare(differences, "yearTarget", trained.yearTarget, yearTarget);
    compare(differences, "yearLossWeight", trained.yearLossWeight, yearLossWeight);
    if (trained.fusedUpdates != fusedUpdates) {
      differences.add(
          "fusedUpdates: "
              + trained.fusedUpdates
              + " in the checkpoint, "
              + fusedUpdates
              + " now (fused and portable updates agree only to about 1e-5, so the run would not"
              + " continue exactly; resume with fusedUpdates "
              + trained.fusedUpdates
              + ")");
    }
    return differences;
  }

  private static String describe(LossConfig loss) {
    return loss == null ? "head default" : loss.describe();
  }

  /** Compares by equality; a difference is said in the values' own words. */
  private static <T> void compare(
      List<String> out, String name, T before, T now, java.util.function.Function<T, String> words) {
    if (!Objects.equals(before, now)) {
      out.add(name + ": " + words.apply(before) + " in the checkpoint, " + words.apply(now) + " now");
    }
  }

  private static void compare(List<String> out, String name, Object before, Object now) {
    if (!Objects.equals(before, now)) {
      out.add(name + ": " + before + " in the checkpoint, " + now + " now");
    }
  }

  /** Several lines describing the configuration, for logs and the command line. */
  public String describe() {
    return String.join(
        "\n",
        "epochs: "
            + epochs
            + ", batch size: "
            + batchSize
            + (dropLastBatch ? " (drop last)" : "")
            + (accumulateSteps > 1
                ? ", gradients of "
                    + accumulateSteps
                    + " batches per update ("
                    + accumulateSteps * batchSize
                    + " images)"
                : ""),
        "optimizer: " + optimizer.describe(),
        "schedule: " + schedule.describe(),
        "loss: "
            + describe(loss)
            + (classWeights == ClassWeighting.NONE ? "" : ", class weights " + classWeights.key()),
        "early stopping: " + earlyStopping.describe(),
        "gradient clipping: " + clipping.describe(),
        "augmentation: " + augmentation.describe(),
        "fine-tuning: " + fineTuning.describe(),
        "weight average (EMA): " + ema.describe(),
        "year target: " + yearTarget.id(),
        "seed: " + seed + ", devices: " + devices.describe());
  }

  /**
   * Builds a {@link TrainingConfig}. These are metart's training defaults, the same for {@code
   * Trainer.fit}, {@code metart train} and every experiment (their settings start from here): 10
   * epochs, batch size 32, Adam with learning rate 0.001, cosine schedule, random crop and flip,
   * the head's default loss, no early stopping, no clipping, seed 42, automatic devices and
   * threads, checkpoints at epoch ends and every 30 minutes, fused updates, the best weights
   * restored at the end.
   */
  public static final class Builder {
    private int epochs = 10;
    private int batchSize = 32;
    private OptimizerConfig optimizer = OptimizerConfig.adam(0.001);
    private LearningRateSchedule schedule = LearningRateSchedule.cosine();
    private LossConfig loss;
    private EarlyStopping earlyStopping = EarlyStopping.disabled();
    private GradientClipping clipping = GradientClipping.none();
    private long seed = 42;
    private Augmentation augmentation = Augmentation.cropAndFlip();
    private DeviceChoice devices = DeviceChoice.auto();
    private int cpuThreads;
    private int loaderThreads;
    private int checkpointEverySteps;
    private double checkpointEveryMinutes = 30;
    private boolean dropLastBatch;
    private boolean restoreBestWeights = true;
    private boolean fusedUpdates = true;
    private Monitor monitor;
    private FineTuning fineTuning = FineTuning.none();
    private WeightAverage ema = WeightAverage.none();
    private int accumulateSteps = 1;
    private ClassWeighting classWeights = ClassWeighting.NONE;
    private YearTargetChoice yearTarget = YearTargetChoice.DEFAULT;
    private Double yearLossWeight = 1.0;

    private Builder() {}

    private Builder(TrainingConfig c) {
      epochs = c.epochs;
      batchSize = c.batchSize;
      optimizer = c.optimizer;
      schedule = c.schedule;
      loss = c.loss;
      earlyStopping = c.earlyStopping;
      clipping = c.clipping;
      seed = c.seed;
      augmentation = c.augmentation;
      devices = c.devices;
      cpuThreads = c.cpuThreads;
      loaderThreads = c.loaderThreads;
      checkpointEverySteps = c.checkpointEverySteps;
      checkpointEveryMinutes = c.checkpointEveryMinutes;
      dropLastBatch = c.dropLastBatch;
      restoreBestWeights = c.restoreBestWeights;
      fusedUpdates = c.fusedUpdates;
      monitor = c.monitor;
      fineTuning = c.fineTuning;
      ema = c.ema;
      accumulateSteps = c.accumulateSteps;
      classWeights = c.classWeights;
      yearTarget = c.yearTarget;
      yearLossWeight = c.yearLossWeight;
    }

    /** The number of epochs. */
    public Builder epochs(int value) {
      epochs = value;
      return this;
    }

    /** The number of images per step. */
    public Builder batchSize(int value) {
      batchSize = value;
      return this;
    }

    /** The optimizer. */
    public Builder optimizer(OptimizerConfig value) {
      optimizer = value;
      return this;
    }

    /** The learning-rate schedule. */
    public Builder schedule(LearningRateSchedule value) {
      schedule = value;
      return this;
    }

    /** The loss, or {@code null} for the head's default. */
    public Builder loss(LossConfig value) {
      loss = value;
      return this;
    }

    /** Early stopping. */
    public Builder earlyStopping(EarlyStopping value) {
      earlyStopping = value;
      return this;
    }

    /** Gradient clipping. */
    public Builder clipping(GradientClipping value) {
      clipping = value;
      return this;
    }

    /** The seed. */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** The augmentation of the training images ({@link Augmentation#NONE} for none). */
    public Builder augmentation(Augmentation value) {
      augmentation = value;
      return this;
    }

    /** The devices. */
    public Builder devices(DeviceChoice value) {
      devices = value;
      return this;
    }

    /** Compute threads on the CPU, 0 for automatic. */
    public Builder cpuThreads(int value) {
      cpuThreads = value;
      return this;
    }

    /** Batch preparation threads, 0 for automatic. */
    public Builder loaderThreads(int value) {
      loaderThreads = value;
      return this;
    }

    /** Also checkpoint every this many steps within an epoch, 0 for epoch ends only. */
    public Builder checkpointEverySteps(int value) {
      checkpointEverySteps = value;
      return this;
    }

    /** Also checkpoint when this many minutes passed since the last checkpoint, 0 for never. */
    public Builder checkpointEveryMinutes(double value) {
      checkpointEveryMinutes = value;
      return this;
    }

    /** Whether to skip the last, smaller batch of each epoch. */
    public Builder dropLastBatch(boolean value) {
      dropLastBatch = value;
      return this;
    }

    /** Whether the model ends with the best epoch's weights. */
    public Builder restoreBestWeights(boolean value) {
      restoreBestWeights = value;
      return this;
    }

    /** Whether to use PyTorch's fused optimizer kernels. */
    public Builder fusedUpdates(boolean value) {
      fusedUpdates = value;
      return this;
    }

    /**
     * What a year model learns from each object's interval: the interval itself, the year prepare
     * drew (the default) or the midpoint ({@code null} for the default).
     */
    public Builder yearTarget(YearTargetChoice value) {
      yearTarget = value;
      return this;
    }

    /**
     * The weight {@code W} of the year loss of a culture+year model: {@code culture + W * year}
     * (default 1).
     */
    public Builder yearLossWeight(double value) {
      yearLossWeight = value;
      return this;
    }

    /** What decides the best checkpoint, {@code null} for automatic. */
    public Builder monitor(Monitor value) {
      monitor = value;
      return this;
    }

    /** How a backbone-and-head network is fine-tuned ({@link FineTuning#none()} for plain). */
    public Builder fineTuning(FineTuning value) {
      fineTuning = value;
      return this;
    }

    /** The exponential moving average of the weights ({@link WeightAverage#none()} for none). */
    public Builder ema(WeightAverage value) {
      ema = value;
      return this;
    }

    /** The number of batches whose gradients make one update (1 for an update per batch). */
    public Builder accumulateSteps(int value) {
      accumulateSteps = value;
      return this;
    }

    /** How a classification loss weighs its classes. */
    public Builder classWeights(ClassWeighting value) {
      classWeights = value;
      return this;
    }

    /**
     * Validates and builds the configuration.
     *
     * @throws IllegalArgumentException naming the setting that is wrong and what is allowed
     */
    public TrainingConfig build() {
      return new TrainingConfig(
          epochs,
          batchSize,
          optimizer,
          schedule,
          loss,
          earlyStopping,
          clipping,
          seed,
          augmentation,
          devices,
          cpuThreads,
          loaderThreads,
          checkpointEverySteps,
          checkpointEveryMinutes,
          dropLastBatch,
          restoreBestWeights,
          fusedUpdates,
          monitor,
          fineTuning,
          ema,
          accumulateSteps,
          classWeights,
          yearTarget,
          yearLossWeight);
    }
  }
}

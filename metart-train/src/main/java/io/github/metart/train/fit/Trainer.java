package io.github.metart.train.fit;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.metart.models.MetModel;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.TrainingData;
import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.History;
import io.github.metart.train.history.RunStatus;
import io.github.metart.train.listeners.BatchProgress;
import io.github.metart.train.listeners.FitStart;
import io.github.metart.train.listeners.LoggingListener;
import io.github.metart.train.listeners.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains models: {@link #fit} runs a configuration from the start, {@link #resume} continues a run
 * from its last checkpoint exactly where it stopped (same weights, optimizer state, sampling and
 * random numbers; the result equals that of an uninterrupted run on the CPU).
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder()
 *     .outputDirectory(Path.of("runs/culture"))     // history.csv/json, checkpoints/{last,best}
 *     .listener(new ProgressBar(System.err))
 *     .build();
 * FitResult result = trainer.fit(model, data, config);   // a MetModel, TrainingData, TrainingConfig
 * }</pre>
 *
 * <p>Each step runs in its own native memory scope; devices, threads and the update implementation
 * are chosen as the configuration says and logged. A trainer is immutable and may run several fits
 * one after the other (not at the same time: the engine's gradient recording is global).
 */
public final class Trainer {

  private final Path outputDirectory;
  private final List<TrainingListener> listeners;

  private Trainer(Builder builder) {
    this.outputDirectory = builder.outputDirectory;
    this.listeners = List.copyOf(builder.listeners);
  }

  /** A builder: no output folder, logging only. */
  public static Builder builder() {
    return new Builder();
  }

  /** A trainer that writes no files and logs its progress. */
  public static Trainer create() {
    return builder().build();
  }

  /** The output folder, or {@code null} when the trainer writes no files. */
  public Path outputDirectory() {
    return outputDirectory;
  }

  /**
   * Trains a model from its current weights. With an output folder the run writes its history and
   * checkpoints as it goes, and at the end the model folder {@code model/} (the best weights when
   * {@link TrainingConfig#restoreBestWeights()}).
   *
   * @param model the model; its weights are trained in place
   * @param data the training and validation data
   * @param config the configuration
   * @return the history and how the run ended
   * @throws IllegalArgumentException when the configuration does not fit the model or the data, or
   *     the output folder already holds a run
   * @throws TrainingDivergedException when a loss is NaN or infinite
   */
  public FitResult fit(MetModel model, TrainingData data, TrainingConfig config) {
    checkArgument(model != null, "the model is missing");
    return run(new MetModelAdapter(model), data, config, false);
  }

  /** {@link #fit(MetModel, TrainingData, TrainingConfig)} on the training loop's model seam. */
  FitResult fit(TrainableModel model, TrainingData data, TrainingConfig config) {
    return run(model, data, config, false);
  }

  /**
   * Continues the run in the output folder from its last checkpoint. The configuration must match
   * the checkpoint's in everything that decides the result; the number of epochs may grow, devices,
   * threads and checkpoint frequency may change. A finished run returns at once.
   *
   * @throws IllegalArgumentException when there is nothing to resume or the run differs (the
   *     message lists the differences)
   */
  public FitResult resume(MetModel model, TrainingData data, TrainingConfig config) {
    checkArgument(model != null, "the model is missing");
    return resume(new MetModelAdapter(model), data, config);
  }

  /** {@link #resume(MetModel, TrainingData, TrainingConfig)} on the training loop's model seam. */
  FitResult resume(TrainableModel model, TrainingData data, TrainingConfig config) {
    checkArgument(outputDirectory != null, "resuming needs the output folder of the run");
    return run(model, data, config, true);
  }

  private FitResult run(
      TrainableModel model, TrainingData data, TrainingConfig config, boolean resume) {
    checkArgument(model != null, "the model is missing");
    checkArgument(data != null, "the data is missing");
    checkArgument(config != null, "the configuration is missing");
    List<TrainingListener> all = new ArrayList<>(listeners);
    all.add(new LoggingListener());
    return new TrainingRun(model, data, config, outputDirectory, new Broadcast(all), resume)
        .run();
  }

  /** Builds a {@link Trainer}. */
  public static final class Builder {
    private Path outputDirectory;
    private final List<TrainingListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Where the run writes {@code history.csv}, {@code history.json} and {@code checkpoints/}; none
     * by default (then the best weights are kept in memory).
     */
    public Builder outputDirectory(Path folder) {
      this.outputDirectory = folder;
      return this;
    }

    /**
     * Adds a listener (called in the order added, before the built-in logging so that a progress
     * bar finishes its line before an epoch's log line).
     */
    public Builder listener(TrainingListener listener) {
      checkArgument(listener != null, "the listener is missing");
      listeners.add(listener);
      return this;
    }

    /** The trainer. */
    public Trainer build() {
      return new Trainer(this);
    }
  }

  /** Calls every listener in order. */
  private static final class Broadcast implements TrainingListener {
    private final List<TrainingListener> listeners;

    Broadcast(List<TrainingListener> listeners) {
      this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onFitStart(FitStart start) {
      listeners.forEach(l -> l.onFitStart(start));
    }

    @Override
    public void onEpochStart(int epoch, int epochs, int firstBatch, int batches) {
      listeners.forEach(l -> l.onEpochStart(epoch, epochs, firstBatch, batches));
    }

    @Override
    public void onBatchEnd(BatchProgress progress) {
      listeners.forEach(l -> l.onBatchEnd(progress));
    }

    @Override
    public void onEpochEnd(EpochRecord record, History history) {
      listeners.forEach(l -> l.onEpochEnd(record, history));
    }

    @Override
    public void onCheckpoint(String name, Path folder) {
      listeners.forEach(l -> l.onCheckpoint(name, folder));
    }

    @Override
    public void onFitEnd(History history, RunStatus status, String message) {
      listeners.forEach(l -> l.onFitEnd(history, status, message));
    }
  }
}

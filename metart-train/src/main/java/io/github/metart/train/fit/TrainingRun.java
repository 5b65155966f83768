package io.github.metart.train.fit;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.github.metart.data.loading.SamplerState;
import io.github.metart.train.checkpoint.CheckpointStore;
import io.github.metart.train.checkpoint.EpochTotals;
import io.github.metart.train.checkpoint.TrainingState;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.TrainingData;
import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.History;
import io.github.metart.train.listeners.TrainingListener;
import io.github.metart.data.files.FolderLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * One run of {@link Trainer#fit} or {@link Trainer#resume}: set-up ({@link RunSetup}), the epoch
 * loop (an {@link EpochPass}, validation, the epoch's judgement and checkpoint), and the end (the
 * {@link BestWeights}, the model folder). Not reusable.
 */
final class TrainingRun {

  private final TrainableModel model;
  private final TrainingData data;
  private final TrainingConfig config;
  private final TrainingListener listeners;
  private final boolean resume;
  private final RunFiles files;

  TrainingRun(
      TrainableModel model,
      TrainingData data,
      TrainingConfig config,
      Path output,
      TrainingListener listeners,
      boolean resume) {
    this.model = model;
    this.data = data;
    this.config = config;
    this.listeners = listeners;
    this.resume = resume;
    this.files = output == null ? null : new RunFiles(output, listeners);
  }

  FitResult run() {
    // one run at a time in an output folder: a second one is refused, naming the holder
    try (FolderLock lock = files == null ? null : FolderLock.acquire(files.folder(), "training")) {
      NDManager root = model.manager().newSubManager();
      root.setName("metart training run");
      try (RunSetup setup = new RunSetup(model, data, config, files, listeners, root)) {
        RunSetup.Started started = setup.start(resume);
        return train(started.run(), started.state());
      } finally {
        root.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  private FitResult train(RunContext run, TrainingState start) throws IOException {
    TrainingState state = start;
    CheckpointTimer timer = new CheckpointTimer(config, files != null);
    BestWeights bestWeights = new BestWeights(run);
    while (!state.status().isFinished() && state.epoch() < config.epochs()) {
      long epochStart = System.nanoTime();
      double secondsBefore = state.totals().seconds();
      state = new EpochPass(run, timer, state).run();
      double[] validation = validate(run);
      EpochTotals totals = state.totals();
      EpochRecord record =
          new EpochRecord(
              state.epoch() + 1,
              totals.meanLoss(),
              totals.meanMetric(),
              validation[0],
              validation[1],
              totals.learningRate(),
              secondsBefore + (System.nanoTime() - epochStart) / 1e9,
              totals.seconds() > 0 ? totals.samples() / totals.seconds() : Double.NaN);
      History history = state.history().plus(record);
      EpochJudge.Verdict verdict = run.judge().judge(record, state.best(), state.stopping());
      listeners.onEpochEnd(record, history);
      state =
          new TrainingState(
              new SamplerState(state.epoch() + 1, 0),
              state.trainSize(),
              state.globalStep(),
              EpochTotals.zero(),
              verdict.best(),
              verdict.stopping(),
              history,
              verdict.status(),
              verdict.message());
      saveEpochEnd(run, state, verdict.improved(), timer, bestWeights);
    }
    return finish(run, state, bestWeights);
  }

  /**
   * The epoch's validation loss and metric (NaN without validation data): of the weights' moving
   * average when the run keeps one, else of the weights.
   */
  private double[] validate(RunContext run) {
    if (!data.hasValidation()) {
      return new double[] {Double.NaN, Double.NaN};
    }
    Validation validation =
        new Validation(run.network(), data.validation(), config.batchSize(), config.seed());
    if (run.ema() == null) {
      return validation.run(run.root(), run.loaders());
    }
    run.ema().swapIn();
    try {
      return validation.run(run.root(), run.loaders());
    } finally {
      run.ema().swapOut();
    }
  }

  /** The epoch's checkpoint (best or last) and history, or the best weights in memory. */
  private void saveEpochEnd(
      RunContext run,
      TrainingState state,
      boolean improved,
      CheckpointTimer timer,
      BestWeights bestWeights)
      throws IOException {
    if (files == null) {
      if (improved) {
        bestWeights.improved();
      }
      return;
    }
    if (improved) {
      run.writeCheckpoint(CheckpointStore.BEST, state);
      files.copyBestToLast();
    } else {
      run.writeCheckpoint(CheckpointStore.LAST, state);
    }
    timer.written();
    run.writeHistory(state.history(), state.status(), state.best().epoch(), state.message());
  }

  private FitResult finish(RunContext run, TrainingState state, BestWeights bestWeights)
      throws IOException {
    run.network().syncToModel();
    History history = state.history();
    int weightsEpoch = bestWeights.restore(state.best(), history.size());
    if (files != null && state.status().isFinished()) {
      Path folder = files.folder().resolve(FitResult.MODEL_FOLDER);
      model.save(folder);
      if (run.ema() != null) {
        WeightAverageFile.write(folder, config.ema(), weightsEpoch);
      }
      listeners.onCheckpoint(FitResult.MODEL_FOLDER, folder);
    }
    listeners.onFitEnd(history, state.status(), state.message());
    return new FitResult(
        history,
        state.status(),
        state.message(),
        state.best().epoch(),
        run.judge().bestColumn(),
        weightsEpoch,
        files == null ? null : files.folder(),
        run.plan().devices().stream().map(Device::toString).toList(),
        run.updater().describe());
  }
}

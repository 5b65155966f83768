package io.github.metart.train.fit;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterServer;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.util.Pair;
import io.github.metart.data.loading.EpochSampler;
import io.github.metart.data.loading.SamplerState;
import io.github.metart.train.checkpoint.BestSoFar;
import io.github.metart.train.checkpoint.CheckpointStore;
import io.github.metart.train.checkpoint.EpochTotals;
import io.github.metart.train.checkpoint.StoredCheckpoint;
import io.github.metart.train.checkpoint.TrainingState;
import io.github.metart.train.config.LossConfig;
import io.github.metart.train.config.Monitor;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.TrainingData;
import io.github.metart.train.devices.CpuThreads;
import io.github.metart.train.devices.DevicePlan;
import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.History;
import io.github.metart.train.history.RunStatus;
import io.github.metart.train.listeners.BatchProgress;
import io.github.metart.train.listeners.FitStart;
import io.github.metart.train.listeners.TrainingListener;
import io.github.metart.train.loss.Losses;
import io.github.metart.train.optim.OptimizerState;
import io.github.metart.train.optim.ParameterUpdater;
import io.github.metart.train.optim.ParameterUpdaters;
import io.github.metart.train.optim.ReplicatedParameters;
import io.github.metart.train.provenance.RunProvenance;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * One run of {@link Trainer#fit} or {@link Trainer#resume}: set-up (devices, threads, checkpoint,
 * replicas, optimizer), the epoch loop, and the end (best weights, model folder). Not reusable.
 */
final class TrainingRun {

  private final TrainableModel model;
  private final TrainingData data;
  private final TrainingConfig config;
  private final TrainingListener listeners;
  private final boolean resume;
  private final RunFiles files;

  private Engine engine;
  private TrainingTask task;
  private DevicePlan plan;
  private NDManager root;
  private ExecutorService loaders;
  private ParameterStore parameterStore;
  private Network network;
  private ParameterUpdater updater;
  private OptimizerState optimizerState;
  private TrainingStep step;
  private RunProvenance provenance;
  private EpochJudge judge;
  private byte[] bestWeightsInMemory;
  private int batchesPerEpoch;
  private long lastCheckpointNanos;

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
    root = model.manager().newSubManager();
    root.setName("metart training run");
    try {
      TrainingState state = setUp();
      return train(state);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    } finally {
      if (loaders != null) {
        Loaders.stop(loaders);
      }
      if (updater != null) {
        updater.close();
      }
      root.close();
    }
  }

  // ---------------------------------------------------------------- set-up

  private TrainingState setUp() throws IOException {
    engine = model.manager().getEngine();
    task = model.task();
    Block block = model.block();
    checkData();
    if (config.earlyStopping().enabled()) {
      Monitors.checkAvailable(
          config.earlyStopping().monitor(), data.hasValidation(), "early stopping");
    }
    Monitor bestMonitor = Monitors.best(config, data.hasValidation());
    Monitors.checkAvailable(bestMonitor, data.hasValidation(), "the best checkpoint");
    judge = new EpochJudge(config, task, bestMonitor);
    LossConfig loss = lossConfig();

    plan = DevicePlan.select(config.devices(), engine.getGpuCount());
    CpuThreads threads =
        CpuThreads.choose(
            config.cpuThreads(), config.loaderThreads(), Runtime.getRuntime().availableProcessors());
    int appliedThreads = threads.apply();
    int computeThreads = appliedThreads > 0 ? appliedThreads : threads.computeThreads();
    loaders = Loaders.start(threads.loaderThreads());

    Optional<StoredCheckpoint> checkpoint = ResumeCheck.start(files, resume);
    if (!block.isInitialized()) {
      engine.setRandomSeed(StepSeeds.of(config.seed(), -1));
      block.initialize(model.manager(), DataType.FLOAT32, model.inputShape());
    }
    if (checkpoint.isPresent()) {
      ResumeCheck.compatible(checkpoint.get(), config, model.specJson(), data);
      ResumeCheck.warnOnThreadChange(checkpoint.get(), computeThreads);
      loadWeights(checkpoint.get().weights());
    }

    ReplicatedParameters parameters = replicate(block);
    network = new Network(block, parameterStore, plan, task, Losses.of(loss));
    if (checkpoint.isPresent()) {
      try (InputStream in = Files.newInputStream(checkpoint.get().optimizer())) {
        optimizerState = OptimizerState.read(in, config.optimizer(), parameters, root);
      } catch (IOException e) {
        throw new IOException(checkpoint.get().optimizer() + ": " + e.getMessage(), e);
      }
    } else {
      optimizerState = OptimizerState.zeros(config.optimizer(), parameters, root);
    }
    updater =
        ParameterUpdaters.create(
            config.optimizer(), config.clipping(), parameters, optimizerState, config.fusedUpdates());
    step = new TrainingStep(engine, network, updater, config.seed());
    provenance =
        RunProvenance.current(
            data.manifestSha256(),
            model.specJson(),
            config,
            plan.devices().stream().map(Device::toString).toList(),
            updater.describe(),
            computeThreads);

    TrainingState state = checkpoint.map(StoredCheckpoint::state).orElseGet(this::initialState);
    if (state.status() == RunStatus.COMPLETED && state.history().size() < config.epochs()) {
      // the run is extended: more epochs than it was started with
      state = withStatus(state, RunStatus.RUNNING, "");
    }
    listeners.onFitStart(
        new FitStart(
            config,
            config.epochs(),
            state.epoch(),
            (int) state.sampler().batchesDone(),
            batchesPerEpoch,
            data.train().size(),
            data.hasValidation() ? data.validation().size() : 0,
            plan.describe(),
            threads.describe(),
            updater.describe(),
            parameters.valueCount(),
            checkpoint.isPresent()));
    if (files != null) {
      writeHistory(state.history(), state.status(), state.best().epoch(), state.message());
    }
    return state;
  }

  private void checkData() {
    long size = data.train().size();
    if (size == 0) {
      throw new IllegalArgumentException("the training dataset is empty");
    }
    batchesPerEpoch = (int) trainingSampler().batchesPerEpoch(size);
    if (batchesPerEpoch == 0) {
      throw new IllegalArgumentException(
          "the training dataset has "
              + size
              + " records: not one whole batch of "
              + config.batchSize()
              + " with dropLastBatch; lower the batch size");
    }
    if (data.hasValidation() && data.validation().size() == 0) {
      throw new IllegalArgumentException(
          "the validation dataset is empty: pass null for no validation");
    }
  }

  private LossConfig lossConfig() {
    LossConfig chosen = config.loss();
    if (chosen == null) {
      return task.classification() ? LossConfig.crossEntropy() : LossConfig.l1();
    }
    if (chosen.kind().isClassification() != task.classification()) {
      throw new IllegalArgumentException(
          "the loss "
              + chosen.describe()
              + " does not fit "
              + (task.classification()
                  ? "a classifier head: use cross_entropy"
                  : "a year regression head: use l1, l2 or huber"));
    }
    return chosen;
  }

  private TrainingState initialState() {
    return new TrainingState(
        SamplerState.start(),
        data.train().size(),
        0,
        EpochTotals.zero(),
        BestSoFar.none(),
        BestSoFar.none(),
        History.empty(task.metricName(), task.higherIsBetter()),
        RunStatus.RUNNING,
        "");
  }

  private static TrainingState withStatus(TrainingState state, RunStatus status, String message) {
    return new TrainingState(
        state.sampler(),
        state.trainSize(),
        state.globalStep(),
        state.totals(),
        state.best(),
        state.stopping(),
        state.history(),
        status,
        message);
  }

  /** The trainable parameters, one replica per device (created now, not during a step). */
  private ReplicatedParameters replicate(Block block) {
    parameterStore = new ParameterStore(root, false);
    parameterStore.setParameterServer(new ReplicaServer(), plan.toArray());
    List<String> names = new ArrayList<>();
    List<List<NDArray>> replicas = new ArrayList<>();
    for (int k = 0; k < plan.devices().size(); k++) {
      replicas.add(new ArrayList<>());
    }
    for (Pair<String, Parameter> entry : block.getParameters()) {
      Parameter parameter = entry.getValue();
      for (int k = 0; k < plan.devices().size(); k++) {
        NDArray value = parameterStore.getValue(parameter, plan.devices().get(k), true);
        if (parameter.requiresGradient()) {
          replicas.get(k).add(value);
        }
      }
      if (parameter.requiresGradient()) {
        names.add(entry.getKey());
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("the model has no trainable parameter (all frozen?)");
    }
    return new ReplicatedParameters(names, plan.devices(), replicas);
  }

  // ---------------------------------------------------------------- the loop

  private FitResult train(TrainingState start) throws IOException {
    TrainingState state = start;
    lastCheckpointNanos = System.nanoTime();
    while (!state.status().isFinished() && state.epoch() < config.epochs()) {
      long epochStart = System.nanoTime();
      double secondsBefore = state.totals().seconds();
      state = new EpochPass(state).run();
      double[] validation =
          data.hasValidation()
              ? new Validation(network, data.validation(), config.batchSize(), config.seed())
                  .run(root, loaders)
              : new double[] {Double.NaN, Double.NaN};
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
      EpochJudge.Verdict verdict = judge.judge(record, state.best(), state.stopping());
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
      saveEpochEnd(state, verdict.improved());
    }
    return finish(state);
  }

  private void saveEpochEnd(TrainingState state, boolean improved) throws IOException {
    if (files == null) {
      if (improved && config.restoreBestWeights()) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        network.syncToModel();
        WeightsIo.save(model.block(), bytes);
        bestWeightsInMemory = bytes.toByteArray();
      }
      return;
    }
    if (improved) {
      writeCheckpoint(CheckpointStore.BEST, state);
      files.copyBestToLast();
    } else {
      writeCheckpoint(CheckpointStore.LAST, state);
    }
    lastCheckpointNanos = System.nanoTime();
    writeHistory(state.history(), state.status(), state.best().epoch(), state.message());
  }

  private void writeCheckpoint(String name, TrainingState state) throws IOException {
    network.syncToModel();
    files.writeCheckpoint(
        name, state, provenance, out -> WeightsIo.save(model.block(), out), optimizerState::write);
  }

  private void writeHistory(History history, RunStatus status, int bestEpoch, String message)
      throws IOException {
    files.writeHistory(history, status, bestEpoch, judge.bestColumn(), message, provenance);
  }

  private FitResult finish(TrainingState state) throws IOException {
    network.syncToModel();
    History history = state.history();
    BestSoFar best = state.best();
    int weightsEpoch = history.size();
    if (config.restoreBestWeights() && best.epoch() > 0 && best.epoch() != history.size()) {
      if (files != null) {
        Optional<StoredCheckpoint> stored = files.best();
        if (stored.isPresent()) {
          loadWeights(stored.get().weights());
          weightsEpoch = best.epoch();
        }
      } else if (bestWeightsInMemory != null) {
        WeightsIo.load(
            model.block(),
            model.manager(),
            new ByteArrayInputStream(bestWeightsInMemory),
            "the best weights");
        weightsEpoch = best.epoch();
      }
    }
    if (files != null && state.status().isFinished()) {
      Path folder = files.folder().resolve(FitResult.MODEL_FOLDER);
      model.save(folder);
      listeners.onCheckpoint(FitResult.MODEL_FOLDER, folder);
    }
    listeners.onFitEnd(history, state.status(), state.message());
    return new FitResult(
        history,
        state.status(),
        state.message(),
        best.epoch(),
        judge.bestColumn(),
        weightsEpoch,
        files == null ? null : files.folder(),
        plan.devices().stream().map(Device::toString).toList(),
        updater.describe());
  }

  private void loadWeights(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      WeightsIo.load(model.block(), model.manager(), in, file.toString());
    }
  }

  // ---------------------------------------------------------------- one epoch of training

  /** The training batches of one epoch, from where the state stands. */
  private final class EpochPass {
    private final TrainingState start;
    private final int epoch;

    EpochPass(TrainingState start) {
      this.start = start;
      this.epoch = start.epoch();
    }

    /** Runs the remaining batches; returns the state at the end of them (epoch not advanced). */
    TrainingState run() throws IOException {
      int firstBatch = Math.toIntExact(start.sampler().batchesDone());
      listeners.onEpochStart(epoch + 1, config.epochs(), firstBatch + 1, batchesPerEpoch);
      EpochSampler sampler = trainingSampler();
      sampler.restore(start.sampler());
      EpochTotals totals = start.totals();
      long globalStep = start.globalStep();
      NDManager manager = root.newSubManager();
      manager.setName("epoch " + (epoch + 1));
      try {
        Iterator<Batch> batches =
            Validation.batches(data.train(), manager, sampler, loaders).iterator();
        int batchIndex = firstBatch;
        long previous = System.nanoTime();
        while (batches.hasNext()) {
          double learningRate =
              config.optimizer().learningRate()
                  * config
                      .schedule()
                      .factor(epoch + (double) batchIndex / batchesPerEpoch, config.epochs());
          TrainingStep.Outcome outcome;
          int size;
          try (Batch batch = batches.next()) {
            size = batch.getSize();
            outcome = step.run(batch, learningRate, globalStep);
          }
          if (outcome.diverged()) {
            // outside the step's memory scope: restored weights must outlive it
            throw diverged(outcome.loss(), batchIndex, globalStep, totals);
          }
          long now = System.nanoTime();
          totals =
              totals.plus(
                  outcome.loss(), outcome.metric(), size, (now - previous) / 1e9, learningRate);
          previous = now;
          batchIndex++;
          globalStep++;
          listeners.onBatchEnd(
              new BatchProgress(
                  epoch + 1,
                  config.epochs(),
                  batchIndex,
                  batchesPerEpoch,
                  globalStep,
                  totals.meanLoss(),
                  totals.meanMetric(),
                  task.metricName(),
                  learningRate,
                  totals.samples() / Math.max(totals.seconds(), 1e-9),
                  totals.seconds()));
          if (batchIndex < batchesPerEpoch && midEpochCheckpointDue(batchIndex - firstBatch)) {
            writeCheckpoint(
                CheckpointStore.LAST,
                new TrainingState(
                    sampler.checkpoint(batchIndex),
                    start.trainSize(),
                    globalStep,
                    totals,
                    start.best(),
                    start.stopping(),
                    start.history(),
                    RunStatus.RUNNING,
                    ""));
            lastCheckpointNanos = System.nanoTime();
            previous = lastCheckpointNanos;
          }
        }
      } catch (RuntimeException | Error e) {
        Loaders.stop(loaders);
        throw e;
      } finally {
        manager.close();
      }
      return new TrainingState(
          new SamplerState(epoch, batchesPerEpoch),
          start.trainSize(),
          globalStep,
          totals,
          start.best(),
          start.stopping(),
          start.history(),
          RunStatus.RUNNING,
          "");
    }

    private TrainingDivergedException diverged(
        double loss, int batchIndex, long globalStep, EpochTotals totals) {
      String where =
          String.format(
              Locale.ROOT,
              "training diverged at epoch %d/%d, batch %d/%d (step %d): the loss is %s;"
                  + " the weights were not updated with it",
              epoch + 1,
              config.epochs(),
              batchIndex + 1,
              batchesPerEpoch,
              globalStep + 1,
              Double.isNaN(loss) ? "NaN" : loss > 0 ? "+Infinity" : "-Infinity");
      String keep;
      if (files == null) {
        keep =
            "; no checkpoint is kept without an output folder (the model's batch-norm statistics"
                + " may hold the faulty values)";
      } else if (Files.isDirectory(files.lastFolder())) {
        keep =
            "; the last good checkpoint is "
                + files.lastFolder()
                + " (resume from it, e.g. with a lower learning rate)"
                + restoreLastCheckpoint();
      } else {
        keep = "; no checkpoint was written yet";
      }
      String message = where + keep;
      if (files != null) {
        try {
          writeHistory(start.history(), RunStatus.DIVERGED, start.best().epoch(), message);
        } catch (IOException e) {
          message = message + " (the history could not be written: " + e.getMessage() + ")";
        }
      }
      listeners.onFitEnd(start.history(), RunStatus.DIVERGED, message);
      return new TrainingDivergedException(message, epoch + 1, batchIndex + 1, globalStep + 1);
    }
  }

  /**
   * Puts the last checkpoint's weights back into the model after a faulty step (whose forward pass
   * may have spoilt batch-norm statistics).
   */
  private String restoreLastCheckpoint() {
    try {
      Optional<StoredCheckpoint> last = files.last();
      if (last.isEmpty()) {
        return "";
      }
      loadWeights(last.get().weights());
      return "; the model holds its weights again";
    } catch (IOException | RuntimeException e) {
      return "; its weights could not be restored into the model: " + e.getMessage();
    }
  }

  private boolean midEpochCheckpointDue(int batchesThisPass) {
    if (files == null) {
      return false;
    }
    if (config.checkpointEverySteps() > 0 && batchesThisPass % config.checkpointEverySteps() == 0) {
      return true;
    }
    return config.checkpointEveryMinutes() > 0
        && System.nanoTime() - lastCheckpointNanos > config.checkpointEveryMinutes() * 60e9;
  }

  /**
   * The training data's sampler: the data module's seeded {@link EpochSampler}, whose epoch also
   * drives the augmentation of a {@code CachedImageDataset}.
   */
  private EpochSampler trainingSampler() {
    return new EpochSampler(config.batchSize(), true, config.dropLastBatch(), config.seed());
  }

  /** Parameters are replicated by the store; updates are the updater's. */
  private static final class ReplicaServer implements ParameterServer {
    @Override
    public void init(String parameterId, NDArray[] value) {}

    @Override
    public void update(String parameterId, NDArray[] grads, NDArray[] params) {
      throw new UnsupportedOperationException(
          "metart updates parameters itself, not through ParameterStore.updateAllParameters ("
              + parameterId
              + ")");
    }

    @Override
    public void close() {}
  }
}

package io.github.metart.train.fit;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterServer;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import ai.djl.util.Pair;
import io.github.metart.train.checkpoint.BestSoFar;
import io.github.metart.train.checkpoint.CheckpointStore;
import io.github.metart.train.checkpoint.EpochTotals;
import io.github.metart.train.checkpoint.StoredCheckpoint;
import io.github.metart.train.checkpoint.TrainingState;
import io.github.metart.data.loading.EpochSampler;
import io.github.metart.data.loading.SamplerState;
import io.github.metart.train.data.TrainingData;
import io.github.metart.train.config.LossConfig;
import io.github.metart.train.config.Monitor;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.devices.CpuThreads;
import io.github.metart.train.devices.DevicePlan;
import io.github.metart.train.files.TrainJson;
import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.History;
import io.github.metart.train.history.HistoryFiles;
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
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of {@link Trainer#fit} or {@link Trainer#resume}: set-up, the epoch loop, checkpoints and
 * history. Not reusable.
 */
final class TrainingRun {

  private static final String METRIC_KEY = "batch";

  private final TrainableModel model;
  private final TrainingData data;
  private final TrainingConfig config;
  private final Path output;
  private final TrainingListener listeners;
  private final boolean resume;

  private Engine engine;
  private Block block;
  private TrainingTask task;
  private Loss loss;
  private Evaluator metric;
  private DevicePlan plan;
  private CpuThreads threads;
  private NDManager root;
  private ExecutorService loaders;
  private ParameterStore parameterStore;
  private ReplicatedParameters parameters;
  private OptimizerState optimizerState;
  private ParameterUpdater updater;
  private RunProvenance provenance;
  private CheckpointStore checkpoints;
  private Monitor bestMonitor;
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
    this.output = output;
    this.listeners = listeners;
    this.resume = resume;
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
        loaders.shutdownNow();
        awaitLoaders();
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
    block = model.block();
    task = model.task();
    checkData();
    LossConfig lossConfig = lossConfig();
    loss = Losses.of(lossConfig);
    metric = task.newMetric();
    metric.addAccumulator(METRIC_KEY);
    if (config.earlyStopping().enabled()) {
      Monitors.checkAvailable(
          config.earlyStopping().monitor(), data.hasValidation(), "early stopping");
    }
    bestMonitor = Monitors.best(config, data.hasValidation());
    Monitors.checkAvailable(bestMonitor, data.hasValidation(), "the best checkpoint");

    plan = DevicePlan.select(config.devices(), engine.getGpuCount());
    threads =
        CpuThreads.choose(
            config.cpuThreads(), config.loaderThreads(), Runtime.getRuntime().availableProcessors());
    threads.apply();
    loaders = Executors.newFixedThreadPool(threads.loaderThreads(), new LoaderThreads());

    Optional<StoredCheckpoint> checkpoint = findCheckpoint();
    if (!block.isInitialized()) {
      engine.setRandomSeed(StepSeeds.of(config.seed(), -1));
      block.initialize(model.manager(), DataType.FLOAT32, model.inputShape());
    }
    if (checkpoint.isPresent()) {
      checkCompatible(checkpoint.get());
      try (InputStream in = Files.newInputStream(checkpoint.get().weights())) {
        WeightsIo.load(block, model.manager(), in, checkpoint.get().weights().toString());
      }
    }

    parameters = replicate();
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
            config.optimizer(),
            config.clipping(),
            parameters,
            optimizerState,
            config.fusedUpdates());

    provenance =
        RunProvenance.current(
            data.manifestSha256(),
            model.specJson(),
            config,
            plan.devices().stream().map(Device::toString).toList(),
            updater.describe());
    TrainingState state =
        checkpoint.map(StoredCheckpoint::state).orElseGet(this::initialState);
    if (checkpoint.isPresent() && state.history().size() < config.epochs()
        && state.status() == RunStatus.COMPLETED) {
      // the run is extended: more epochs than it was started with
      state =
          new TrainingState(
              state.sampler(),
              state.trainSize(),
              state.globalStep(),
              state.totals(),
              state.best(),
              state.stopping(),
              state.history(),
              RunStatus.RUNNING,
              "");
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
    if (output != null) {
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

  private Optional<StoredCheckpoint> findCheckpoint() throws IOException {
    if (output == null) {
      if (resume) {
        throw new IllegalArgumentException("resuming needs the output folder of the run");
      }
      return Optional.empty();
    }
    checkpoints = new CheckpointStore(output.resolve("checkpoints"));
    Optional<StoredCheckpoint> last = checkpoints.read(CheckpointStore.LAST);
    if (!resume && last.isPresent()) {
      throw new IllegalArgumentException(
          output
              + " already holds a training run ("
              + last.get().folder()
              + "): resume it, or train into another folder");
    }
    if (resume && last.isEmpty()) {
      throw new IllegalArgumentException(
          "nothing to resume in " + output + ": " + checkpoints.path("last") + " does not exist");
    }
    return last;
  }

  private void checkCompatible(StoredCheckpoint checkpoint) {
    RunProvenance saved = checkpoint.provenance();
    List<String> problems = new ArrayList<>(config.resumeDifferences(saved.config()));
    if (!TrainJson.parse(saved.modelSpec(), "the checkpoint's model spec")
        .equals(TrainJson.parse(model.specJson(), "the model spec"))) {
      problems.add("the model spec differs from the checkpoint's");
    }
    if (!saved.datasetManifestSha256().equals(data.manifestSha256())) {
      problems.add(
          "the dataset manifest hash is "
              + data.manifestSha256()
              + ", the checkpoint's "
              + saved.datasetManifestSha256());
    }
    if (checkpoint.state().trainSize() != data.train().size()) {
      problems.add(
          "the training dataset has "
              + data.train().size()
              + " records, the checkpoint's "
              + checkpoint.state().trainSize());
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot resume from " + checkpoint.folder() + ": " + String.join("; ", problems));
    }
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

  /** The trainable parameters, one replica per device (created now, not during a step). */
  private ReplicatedParameters replicate() {
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
    History history = start.history();
    BestSoFar best = start.best();
    BestSoFar stopping = start.stopping();
    long globalStep = start.globalStep();
    RunStatus status = start.status();
    String message = start.message();
    lastCheckpointNanos = System.nanoTime();

    for (int epoch = start.epoch(); epoch < config.epochs() && !status.isFinished(); epoch++) {
      boolean continuing = epoch == start.epoch();
      SamplerState sampler = continuing ? start.sampler() : new SamplerState(epoch, 0);
      EpochTotals totals = continuing ? start.totals() : EpochTotals.zero();
      long epochStart = System.nanoTime();
      EpochPass pass = new EpochPass(epoch, sampler, totals, globalStep, history, best, stopping);
      pass.run();
      totals = pass.totals;
      globalStep = pass.globalStep;

      double[] validation = data.hasValidation() ? validate() : new double[] {Double.NaN, Double.NaN};
      double seconds =
          (continuing ? start.totals().seconds() : 0) + (System.nanoTime() - epochStart) / 1e9;
      EpochRecord record =
          new EpochRecord(
              epoch + 1,
              totals.meanLoss(),
              totals.meanMetric(),
              validation[0],
              validation[1],
              totals.learningRate(),
              seconds,
              totals.seconds() > 0 ? totals.samples() / totals.seconds() : Double.NaN);
      history = history.plus(record);
      boolean bestHigher = Monitors.higherIsBetter(bestMonitor, task);
      double bestValue = Monitors.value(bestMonitor, record);
      boolean improved = best.improves(bestValue, bestHigher, 0);
      best = best.after(bestValue, epoch + 1, bestHigher, 0);
      if (config.earlyStopping().enabled()) {
        Monitor watched = config.earlyStopping().monitor();
        stopping =
            stopping.after(
                Monitors.value(watched, record),
                epoch + 1,
                Monitors.higherIsBetter(watched, task),
                config.earlyStopping().minDelta());
      }
      listeners.onEpochEnd(record, history);

      if (config.earlyStopping().enabled()
          && stopping.epochsWithoutImprovement() >= config.earlyStopping().patience()
          && epoch + 1 < config.epochs()) {
        status = RunStatus.EARLY_STOPPED;
        message =
            String.format(
                Locale.ROOT,
                "early stopping after epoch %d: %s did not improve for %d epochs (best %.6g at"
                    + " epoch %d)",
                epoch + 1,
                config.earlyStopping().monitor().column(task.metricName()),
                stopping.epochsWithoutImprovement(),
                stopping.value(),
                stopping.epoch());
      } else if (epoch + 1 == config.epochs()) {
        status = RunStatus.COMPLETED;
        message =
            String.format(
                Locale.ROOT,
                "completed %d epochs; best %s %.6g at epoch %d",
                config.epochs(),
                bestMonitor.column(task.metricName()),
                best.value(),
                best.epoch());
      }
      TrainingState state =
          new TrainingState(
              new SamplerState(epoch + 1, 0),
              data.train().size(),
              globalStep,
              EpochTotals.zero(),
              best,
              stopping,
              history,
              status,
              message);
      saveEpochEnd(state, improved);
    }
    return finish(history, status, message, best);
  }

  private void saveEpochEnd(TrainingState state, boolean improved) throws IOException {
    if (output == null) {
      if (improved && config.restoreBestWeights()) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        parameterStore.sync();
        WeightsIo.save(block, bytes);
        bestWeightsInMemory = bytes.toByteArray();
      }
      return;
    }
    if (improved) {
      writeCheckpoint(CheckpointStore.BEST, state);
      Path last = checkpoints.copy(CheckpointStore.BEST, CheckpointStore.LAST);
      listeners.onCheckpoint(CheckpointStore.LAST, last);
    } else {
      writeCheckpoint(CheckpointStore.LAST, state);
    }
    lastCheckpointNanos = System.nanoTime();
    writeHistory(state.history(), state.status(), state.best().epoch(), state.message());
  }

  private void writeCheckpoint(String name, TrainingState state) throws IOException {
    parameterStore.sync();
    Path folder =
        checkpoints.write(
            name, state, provenance, out -> WeightsIo.save(block, out), optimizerState::write);
    listeners.onCheckpoint(name, folder);
  }

  private void writeHistory(History history, RunStatus status, int bestEpoch, String message)
      throws IOException {
    HistoryFiles.write(
        output,
        new HistoryFiles.Snapshot(
            history,
            status,
            bestEpoch,
            bestMonitor.column(task.metricName()),
            message,
            provenance));
  }

  private FitResult finish(History history, RunStatus status, String message, BestSoFar best)
      throws IOException {
    parameterStore.sync();
    int weightsEpoch = history.size();
    if (config.restoreBestWeights() && best.epoch() > 0 && best.epoch() != history.size()) {
      if (output != null) {
        Optional<StoredCheckpoint> stored = checkpoints.read(CheckpointStore.BEST);
        if (stored.isPresent()) {
          try (InputStream in = Files.newInputStream(stored.get().weights())) {
            WeightsIo.load(block, model.manager(), in, stored.get().weights().toString());
          }
          weightsEpoch = best.epoch();
        }
      } else if (bestWeightsInMemory != null) {
        WeightsIo.load(
            block, model.manager(), new ByteArrayInputStream(bestWeightsInMemory), "best weights");
        weightsEpoch = best.epoch();
      }
    }
    if (output != null && status.isFinished()) {
      Path folder = output.resolve(FitResult.MODEL_FOLDER);
      model.save(folder);
      listeners.onCheckpoint(FitResult.MODEL_FOLDER, folder);
    }
    listeners.onFitEnd(history, status, message);
    return new FitResult(
        history,
        status,
        message,
        best.epoch(),
        bestMonitor.column(task.metricName()),
        weightsEpoch,
        output,
        plan.devices().stream().map(Device::toString).toList(),
        updater.describe());
  }

  // ---------------------------------------------------------------- one epoch of training

  /** The training batches of one epoch (from where it stands). */
  private final class EpochPass {
    private final int epoch;
    private final SamplerState start;
    private final History history;
    private final BestSoFar best;
    private final BestSoFar stopping;
    EpochTotals totals;
    long globalStep;

    EpochPass(
        int epoch,
        SamplerState start,
        EpochTotals totals,
        long globalStep,
        History history,
        BestSoFar best,
        BestSoFar stopping) {
      this.epoch = epoch;
      this.start = start;
      this.totals = totals;
      this.globalStep = globalStep;
      this.history = history;
      this.best = best;
      this.stopping = stopping;
    }

    void run() throws IOException {
      int batches = batchesPerEpoch;
      int firstBatch = Math.toIntExact(start.batchesDone());
      listeners.onEpochStart(epoch + 1, config.epochs(), firstBatch + 1, batches);
      EpochSampler sampler = trainingSampler();
      sampler.restore(start);
      NDManager manager = root.newSubManager();
      manager.setName("epoch " + (epoch + 1));
      try {
        Iterator<Batch> iterator = batches(data.train(), manager, sampler).iterator();
        int batchIndex = firstBatch;
        long previous = System.nanoTime();
        while (iterator.hasNext()) {
          double learningRate =
              config.optimizer().learningRate()
                  * config
                      .schedule()
                      .factor(epoch + (double) batchIndex / batches, config.epochs());
          double[] outcome;
          int size;
          try (Batch batch = iterator.next()) {
            size = batch.getSize();
            outcome = step(batch, learningRate);
          }
          if (!Double.isFinite(outcome[0])) {
            // outside the step's memory scope: restoring weights creates arrays that must live on
            throw diverged(outcome[0], batchIndex, batches);
          }
          long now = System.nanoTime();
          totals = totals.plus(outcome[0], outcome[1], size, (now - previous) / 1e9, learningRate);
          previous = now;
          batchIndex++;
          globalStep++;
          listeners.onBatchEnd(
              new BatchProgress(
                  epoch + 1,
                  config.epochs(),
                  batchIndex,
                  batches,
                  globalStep,
                  totals.meanLoss(),
                  totals.meanMetric(),
                  task.metricName(),
                  learningRate,
                  totals.samples() / Math.max(totals.seconds(), 1e-9),
                  totals.seconds()));
          if (batchIndex < batches && midEpochCheckpointDue(batchIndex - firstBatch)) {
            writeCheckpoint(
                CheckpointStore.LAST,
                new TrainingState(
                    sampler.checkpoint(batchIndex),
                    data.train().size(),
                    globalStep,
                    totals,
                    best,
                    stopping,
                    history,
                    RunStatus.RUNNING,
                    ""));
            lastCheckpointNanos = System.nanoTime();
            previous = lastCheckpointNanos;
          }
        }
      } catch (RuntimeException | Error e) {
        loaders.shutdownNow();
        awaitLoaders();
        throw e;
      } finally {
        manager.close();
      }
    }

    /**
     * One step; returns the batch's mean loss and metric, or a non-finite loss (and no update) when
     * the step diverged.
     */
    private double[] step(Batch batch, double learningRate) {
      engine.setRandomSeed(StepSeeds.of(config.seed(), globalStep));
      Batch[] splits = split(batch);
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        List<NDArray> losses = new ArrayList<>(splits.length);
        List<NDList> outputs = new ArrayList<>(splits.length);
        double[] weights = new double[splits.length];
        double lossValue = 0;
        try (GradientCollector collector = engine.newGradientCollector()) {
          for (int k = 0; k < splits.length; k++) {
            NDList out = block.forward(parameterStore, splits[k].getData(), true);
            NDArray targets = task.trainingTargets(splits[k].getLabels().head());
            NDArray splitLoss = loss.evaluate(new NDList(targets), out);
            weights[k] = (double) splits[k].getSize() / batch.getSize();
            lossValue += weights[k] * splitLoss.getFloat();
            losses.add(splitLoss);
            outputs.add(out);
          }
          if (!Double.isFinite(lossValue)) {
            return new double[] {lossValue, Double.NaN};
          }
          updater.step(collector, losses, weights, learningRate);
        }
        double metricValue = 0;
        for (int k = 0; k < splits.length; k++) {
          metricValue += weights[k] * batchMetric(splits[k].getLabels(), outputs.get(k));
        }
        return new double[] {lossValue, metricValue};
      } finally {
        for (Batch split : splits) {
          if (split != batch) {
            split.close();
          }
        }
      }
    }

    private TrainingDivergedException diverged(double lossValue, int batchIndex, int batches) {
      String where =
          String.format(
              Locale.ROOT,
              "training diverged at epoch %d/%d, batch %d/%d (step %d): the loss is %s;"
                  + " the weights were not updated with it",
              epoch + 1,
              config.epochs(),
              batchIndex + 1,
              batches,
              globalStep + 1,
              Double.isNaN(lossValue) ? "NaN" : lossValue > 0 ? "+Infinity" : "-Infinity");
      String keep;
      if (output == null) {
        keep =
            "; no checkpoint is kept without an output folder (the model's batch-norm statistics"
                + " may hold the faulty values)";
      } else {
        Path last = checkpoints.path(CheckpointStore.LAST);
        keep =
            Files.isDirectory(last)
                ? "; the last good checkpoint is " + last + " (resume from it, e.g. with a lower"
                    + " learning rate)" + restoreLastCheckpoint()
                : "; no checkpoint was written yet";
      }
      String message = where + keep;
      try {
        if (output != null) {
          writeHistory(history, RunStatus.DIVERGED, best.epoch(), message);
        }
      } catch (IOException e) {
        message = message + " (the history could not be written: " + e.getMessage() + ")";
      }
      listeners.onFitEnd(history, RunStatus.DIVERGED, message);
      return new TrainingDivergedException(message, epoch + 1, batchIndex + 1, globalStep + 1);
    }
  }

  /**
   * Puts the last checkpoint's weights back into the model after a faulty step (whose forward pass
   * may have spoilt batch-norm statistics).
   */
  private String restoreLastCheckpoint() {
    try {
      Optional<StoredCheckpoint> last = checkpoints.read(CheckpointStore.LAST);
      if (last.isEmpty()) {
        return "";
      }
      try (InputStream in = Files.newInputStream(last.get().weights())) {
        WeightsIo.load(block, model.manager(), in, last.get().weights().toString());
      }
      return "; the model holds its weights again";
    } catch (IOException | RuntimeException e) {
      return "; its weights could not be restored into the model: " + e.getMessage();
    }
  }

  private boolean midEpochCheckpointDue(int batchesThisPass) {
    if (output == null) {
      return false;
    }
    if (config.checkpointEverySteps() > 0 && batchesThisPass % config.checkpointEverySteps() == 0) {
      return true;
    }
    return config.checkpointEveryMinutes() > 0
        && System.nanoTime() - lastCheckpointNanos > config.checkpointEveryMinutes() * 60e9;
  }

  // ---------------------------------------------------------------- validation

  /** The validation loss and metric (means over the validation records). */
  private double[] validate() {
    EpochSampler sampler = new EpochSampler(config.batchSize(), false, false, config.seed());
    double lossSum = 0;
    double metricSum = 0;
    long samples = 0;
    NDManager manager = root.newSubManager();
    manager.setName("validation");
    try {
      for (Batch batch : batches(data.validation(), manager, sampler)) {
        try (batch;
            NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          Batch[] splits = split(batch);
          for (Batch part : splits) {
            NDList out = block.forward(parameterStore, part.getData(), false);
            NDArray targets = task.trainingTargets(part.getLabels().head());
            double partLoss = loss.evaluate(new NDList(targets), out).getFloat();
            lossSum += partLoss * part.getSize();
            metricSum += batchMetric(part.getLabels(), out) * part.getSize();
            samples += part.getSize();
            if (part != batch) {
              part.close();
            }
          }
        }
      }
    } catch (RuntimeException | Error e) {
      loaders.shutdownNow();
      awaitLoaders();
      throw e;
    } finally {
      manager.close();
    }
    return new double[] {lossSum / samples, metricSum / samples};
  }

  // ---------------------------------------------------------------- helpers

  /**
   * The training data's sampler: the data module's seeded {@link EpochSampler}, whose epoch also
   * drives the augmentation of a {@code CachedImageDataset}.
   */
  private EpochSampler trainingSampler() {
    return new EpochSampler(config.batchSize(), true, config.dropLastBatch(), config.seed());
  }

  private double batchMetric(NDList labels, NDList outputs) {
    metric.resetAccumulator(METRIC_KEY);
    metric.updateAccumulator(METRIC_KEY, labels, task.metricPredictions(outputs));
    return metric.getAccumulator(METRIC_KEY);
  }

  private Iterable<Batch> batches(
      RandomAccessDataset dataset, NDManager manager, EpochSampler sampler) {
    try {
      return dataset.getData(manager, sampler, loaders);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dataset: " + e.getMessage(), e);
    } catch (TranslateException e) {
      throw new IllegalStateException("cannot prepare the dataset: " + e.getMessage(), e);
    }
  }

  /** The batch split across the devices (the batch itself on one device where it already is). */
  private Batch[] split(Batch batch) {
    List<Device> devices = plan.devices();
    if (devices.size() == 1 && batch.getData().head().getDevice().equals(devices.get(0))) {
      return new Batch[] {batch};
    }
    int used = Math.min(devices.size(), batch.getSize());
    Device[] targets = devices.subList(0, used).toArray(new Device[0]);
    return batch.split(targets, false);
  }

  private void awaitLoaders() {
    try {
      loaders.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Parameters are replicated by the store; updates are the updater's. */
  private static final class ReplicaServer implements ParameterServer {
    @Override
    public void init(String parameterId, NDArray[] value) {}

    @Override
    public void update(String parameterId, NDArray[] grads, NDArray[] params) {
      throw new UnsupportedOperationException(
          "metart updates parameters itself; ParameterStore.updateAllParameters is not used: "
              + parameterId
              + " "
              + Arrays.toString(params));
    }

    @Override
    public void close() {}
  }

  /** Daemon threads named {@code metart-loader-N}. */
  private static final class LoaderThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "metart-loader-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}

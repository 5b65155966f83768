package io.github.metart.train.fit;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import io.github.metart.data.loading.SamplerState;
import io.github.metart.models.engine.ConvolutionGuard;
import io.github.metart.train.checkpoint.BestSoFar;
import io.github.metart.train.checkpoint.EpochTotals;
import io.github.metart.train.checkpoint.StoredCheckpoint;
import io.github.metart.train.checkpoint.TrainingState;
import io.github.metart.train.config.LossConfig;
import io.github.metart.train.config.Monitor;
import io.github.metart.train.config.ClassWeighting;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.TrainingData;
import io.github.metart.train.devices.CpuThreads;
import io.github.metart.train.devices.DevicePlan;
import io.github.metart.train.history.History;
import io.github.metart.train.history.RunStatus;
import io.github.metart.train.listeners.FitStart;
import io.github.metart.train.listeners.TrainingListener;
import io.github.metart.train.loss.Losses;
import io.github.metart.train.optim.OptimizerState;
import io.github.metart.train.optim.ParameterUpdater;
import io.github.metart.train.optim.ParameterUpdaters;
import io.github.metart.train.provenance.RunProvenance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The start of a run: checks the request, chooses devices and threads, finds the checkpoint to
 * resume from, replicates the parameters, creates the updater and its state, and tells the
 * listeners; where this CPU's oneDNN convolutions would corrupt the network's gradients, {@link
 * ConvolutionGuard} switches them off for the run. {@link #close()} releases what it started (loader threads, the updater), also when the
 * set-up itself fails.
 */
final class RunSetup implements AutoCloseable {

  /** A run ready to train from a state (fresh, or the checkpoint's). */
  record Started(RunContext run, TrainingState state) {}

  private final TrainableModel model;
  private final TrainingData data;
  private final TrainingConfig config;
  private final RunFiles files;
  private final TrainingListener listeners;
  private final NDManager root;
  private ExecutorService loaders;
  private ParameterUpdater updater;
  private BackboneSchedule backbone;
  private WeightEma ema;
  private ConvolutionGuard.Scope convolutionGuard;

  RunSetup(
      TrainableModel model,
      TrainingData data,
      TrainingConfig config,
      RunFiles files,
      TrainingListener listeners,
      NDManager root) {
    this.model = model;
    this.data = data;
    this.config = config;
    this.files = files;
    this.listeners = listeners;
    this.root = root;
  }

  /** Sets the run up; {@code resume} continues the last checkpoint of the output folder. */
  Started start(boolean resume) throws IOException {
    Engine engine = model.manager().getEngine();
    TrainingTask task = model.task();
    Block block = model.block();
    int batchesPerEpoch = RunChecks.batchesPerEpoch(data, config);
    RunChecks.labelWidth(data, config, task);
    if (config.earlyStopping().enabled()) {
      Monitors.checkAvailable(
          config.earlyStopping().monitor(), data.hasValidation(), "early stopping");
    }
    Monitor bestMonitor = Monitors.best(config, data.hasValidation());
    Monitors.checkAvailable(bestMonitor, data.hasValidation(), "the best checkpoint");
    EpochJudge judge = new EpochJudge(config, task, bestMonitor);
    LossConfig loss = RunChecks.loss(config, task);

    DevicePlan plan = DevicePlan.select(config.devices(), engine.getGpuCount());
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
      ResumeCheck.describeEpochChange(checkpoint.get(), config, batchesPerEpoch);
      RunContext.loadWeights(model, checkpoint.get().weights());
    }

    convolutionGuard = ConvolutionGuard.protect(block, plan.isCpu());
    Replicas replicas = Replicas.of(block, plan, root);
    if (config.classWeights() != ClassWeighting.NONE && task.labelWidth(config) != 1) {
      throw new IllegalArgumentException(
          "classWeights " + config.classWeights().key() + " needs a model with one culture head, not culture+year");
    }
    float[] classWeights = ClassWeights.of(config.classWeights(), task, data.train(), root);
    boolean mixes = config.augmentation().mixesBatches();
    if (mixes && task.labelWidth(config) != 1) {
      // mixed labels are [B, 3] and would be taken for the task's own label vectors
      throw new IllegalArgumentException(
          "mixup and CutMix need one label per image: not with --year-target interval or a culture+year model");
    }
    Network network =
        new Network(block, replicas.store(), plan, task, task.loss(loss, config, classWeights), mixes);
    OptimizerState optimizerState;
    if (checkpoint.isPresent()) {
      try (InputStream in = Files.newInputStream(checkpoint.get().optimizer())) {
        optimizerState = OptimizerState.read(in, config.optimizer(), replicas.parameters(), root);
      } catch (IOException e) {
        throw new IOException(checkpoint.get().optimizer() + ": " + e.getMessage(), e);
      }
    } else {
      optimizerState = OptimizerState.zeros(config.optimizer(), replicas.parameters(), root);
    }
    updater =
        ParameterUpdaters.create(
            config.optimizer(),
            config.clipping(),
            replicas.parameters(),
            optimizerState,
            config.fusedUpdates());
    backbone =
        BackboneSchedule.of(config.fineTuning(), block, replicas.parameters().names(), updater);
    if (config.ema().isOn()) {
      if (plan.devices().size() > 1) {
        // validation runs on every device's replica; the average lives on the main one only
        throw new IllegalArgumentException(
            "ema (" + config.ema().describe() + ") trains on one device: choose one, e.g. devices 0");
      }
      ema = WeightEma.start(config.ema(), block, replicas.store(), plan.devices().get(0), root);
      if (checkpoint.isPresent()) {
        java.nio.file.Path file =
            checkpoint
                .get()
                .ema()
                .orElseThrow(
                    () ->
                        new IOException(
                            checkpoint.get().folder()
                                + " has no weight average ("
                                + io.github.metart.train.checkpoint.CheckpointStore.EMA
                                + ")"));
        try (InputStream in = Files.newInputStream(file)) {
          ema.read(in, file.toString());
        }
      }
    }
    TrainingStep step = new TrainingStep(engine, network, updater, config.seed());
    RunProvenance provenance =
        RunProvenance.current(
            data.manifestSha256(),
            model.specJson(),
            config,
            plan.devices().stream().map(Device::toString).toList(),
            updater.describe(),
            computeThreads);
    RunContext run =
        new RunContext(
            model,
            data,
            config,
            files,
            listeners,
            task,
            plan,
            root,
            loaders,
            network,
            updater,
            optimizerState,
            step,
            provenance,
            judge,
            batchesPerEpoch,
            backbone,
            ema);

    TrainingState state =
        checkpoint.map(StoredCheckpoint::state).orElseGet(() -> initialState(task));
    if (state.status() == RunStatus.COMPLETED && state.history().size() < config.epochs()) {
      // the run is extended: more epochs than it was started with
      state = state.withStatus(RunStatus.RUNNING, "");
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
            replicas.parameters().valueCount(),
            checkpoint.isPresent()));
    if (files != null) {
      run.writeHistory(state.history(), state.status(), state.best().epoch(), state.message());
    }
    return new Started(run, state);
  }

  private TrainingState initialState(TrainingTask task) {
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

  /**
   * Unfreezes a backbone the fine-tuning froze, stops the loader threads, closes the updater and
   * ends the convolution guard, if they were started.
   */
  @Override
  public void close() {
    if (backbone != null) {
      backbone.close();
    }
    if (ema != null) {
      ema.close();
    }
    if (convolutionGuard != null) {
      convolutionGuard.close();
    }
    if (loaders != null) {
      Loaders.stop(loaders);
    }
    if (updater != null) {
      updater.close();
    }
  }
}

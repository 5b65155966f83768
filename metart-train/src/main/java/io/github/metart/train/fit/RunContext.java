package io.github.metart.train.fit;

import ai.djl.ndarray.NDManager;
import io.github.metart.data.loading.EpochSampler;
import io.github.metart.train.checkpoint.TrainingState;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.TrainingData;
import io.github.metart.train.devices.DevicePlan;
import io.github.metart.train.history.History;
import io.github.metart.train.history.RunStatus;
import io.github.metart.train.listeners.TrainingListener;
import io.github.metart.train.optim.OptimizerState;
import io.github.metart.train.optim.ParameterUpdater;
import io.github.metart.train.provenance.RunProvenance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

/**
 * What one training run works with once it is set up ({@link RunSetup}): the model and data, the
 * configuration, the output folder, the devices, the network, the updater and its state, and the
 * run's provenance; plus the writes every part of the run shares.
 *
 * @param model the model trained
 * @param data the training and validation data
 * @param config the configuration
 * @param files the output folder, or {@code null} for a run without files
 * @param listeners the listeners, combined
 * @param task what the model's head learns
 * @param plan the devices
 * @param root the run's manager (closed when the run ends)
 * @param loaders the threads that prepare batches
 * @param network the network on its devices, with its loss and metric
 * @param updater the parameter updates
 * @param optimizerState the optimizer's state, saved in checkpoints
 * @param step one training step
 * @param provenance what the run records about its inputs
 * @param judge the end-of-epoch judgement (best epoch, early stopping)
 * @param batchesPerEpoch the training batches of one epoch
 * @param backbone the fine-tuning of the backbone, set at every epoch's start
 * @param ema the moving average of the weights, or {@code null} when the run keeps none
 */
record RunContext(
    TrainableModel model,
    TrainingData data,
    TrainingConfig config,
    RunFiles files,
    TrainingListener listeners,
    TrainingTask task,
    DevicePlan plan,
    NDManager root,
    ExecutorService loaders,
    Network network,
    ParameterUpdater updater,
    OptimizerState optimizerState,
    TrainingStep step,
    RunProvenance provenance,
    EpochJudge judge,
    int batchesPerEpoch,
    BackboneSchedule backbone,
    WeightEma ema) {

  /**
   * The training data's sampler: the data module's seeded {@link EpochSampler#forTraining}, whose
   * epoch also drives the augmentation of a {@code CachedImageDataset}.
   */
  static EpochSampler trainingSampler(TrainingConfig config) {
    return EpochSampler.forTraining(config.batchSize(), config.dropLastBatch(), config.seed());
  }

  /** {@link #trainingSampler(TrainingConfig)} for this run. */
  EpochSampler trainingSampler() {
    return trainingSampler(config);
  }

  /** Writes a checkpoint of the model's current weights and the optimizer state. */
  void writeCheckpoint(String name, TrainingState state) throws IOException {
    network.syncToModel();
    files.writeCheckpoint(
        name,
        state,
        provenance,
        out -> WeightsIo.save(model.block(), out),
        optimizerState::write,
        ema == null ? null : ema::write);
  }

  /** Replaces the history files. */
  void writeHistory(History history, RunStatus status, int bestEpoch, String message)
      throws IOException {
    files.writeHistory(history, status, bestEpoch, judge.bestColumn(), message, provenance);
  }

  /** Loads weights saved by {@link WeightsIo} into the model. */
  void loadWeights(Path file) throws IOException {
    loadWeights(model, file);
  }

  /** Loads weights saved by {@link WeightsIo} into a model. */
  static void loadWeights(TrainableModel model, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      WeightsIo.load(model.block(), model.manager(), in, file.toString());
    }
  }
}

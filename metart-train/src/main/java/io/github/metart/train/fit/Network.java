package io.github.metart.train.fit;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.loss.Loss;
import io.github.metart.data.loading.MixedLabels;
import io.github.metart.train.devices.DevicePlan;
import io.github.metart.train.loss.MixedTargets;
import java.util.List;

/**
 * The model as one step uses it: the network over its replicated parameters, the loss, the metric,
 * and how a batch is split across the devices.
 */
final class Network {

  private static final String METRIC_KEY = "batch";

  private final Block block;
  private final ParameterStore parameters;
  private final DevicePlan plan;
  private final TrainingTask task;
  private final Loss loss;
  private final Evaluator metric;
  private final boolean mixes;

  /**
   * @param mixes whether training batches are mixed (mixup, CutMix): their labels are then {@code
   *     [B, 3]} mixed labels ({@link MixedLabels}), never a task's own label vectors
   */
  Network(Block block, ParameterStore parameters, DevicePlan plan, TrainingTask task, Loss loss, boolean mixes) {
    this.mixes = mixes;
    this.block = block;
    this.parameters = parameters;
    this.plan = plan;
    this.task = task;
    this.loss = loss;
    this.metric = task.newMetric();
    metric.addAccumulator(METRIC_KEY);
  }

  /** The outputs and the loss of one part of a batch. */
  record Pass(NDList outputs, NDArray loss) {}

  /** Forward and loss over a part of a batch (in training or inference mode). */
  Pass forward(Batch part, boolean training) {
    NDList outputs = block.forward(parameters, part.getData(), training);
    NDArray labels = part.getLabels().head();
    NDArray targets =
        mixes && MixedLabels.isMixed(labels)
            ? MixedTargets.of(
                labels,
                task::trainingTargets,
                task.classification() ? Math.toIntExact(outputs.head().getShape().get(1)) : 0)
            : task.trainingTargets(labels);
    return new Pass(outputs, loss.evaluate(new NDList(targets), outputs));
  }

  /**
   * The task's metric over a part of a batch (its mean over the part's samples); of a mixed batch
   * (mixup, CutMix) against each sample's heavier label.
   */
  double metric(NDList labels, NDList outputs) {
    metric.resetAccumulator(METRIC_KEY);
    NDList compared =
        mixes ? new NDList(MixedLabels.dominant(labels.head())) : task.metricLabels(labels);
    metric.updateAccumulator(METRIC_KEY, compared, task.metricPredictions(outputs));
    return metric.getAccumulator(METRIC_KEY);
  }

  /**
   * The batch split across the devices: the batch itself on one device where it already is, else
   * one part per device (fewer when the batch is smaller than the device count).
   */
  Batch[] split(Batch batch) {
    List<Device> devices = plan.devices();
    if (devices.size() == 1 && batch.getData().head().getDevice().equals(devices.get(0))) {
      return new Batch[] {batch};
    }
    int used = Math.min(devices.size(), batch.getSize());
    return batch.split(devices.subList(0, used).toArray(new Device[0]), false);
  }

  /** Closes the parts of a split batch (not the batch). */
  static void closeParts(Batch batch, Batch[] parts) {
    for (Batch part : parts) {
      if (part != batch) {
        part.close();
      }
    }
  }

  /** Copies the main replica into the model's own parameters when they live elsewhere. */
  void syncToModel() {
    parameters.sync();
  }
}

package io.github.metart.train.fit;

import io.github.metart.data.loading.CachedImageDataset;
import io.github.metart.data.loading.EpochSampler;
import io.github.metart.train.config.LossConfig;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.TrainingData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The checks of a training request that need no engine: the data's size and the loss's fit. */
final class RunChecks {

  private static final Logger LOG = LoggerFactory.getLogger(RunChecks.class);

  private RunChecks() {}

  /**
   * The training batches of one epoch.
   *
   * @throws IllegalArgumentException when the training data is empty or holds no whole batch, is
   *     a metart dataset augmented otherwise than the configuration says, or the validation data is
   *     empty
   */
  static int batchesPerEpoch(TrainingData data, TrainingConfig config) {
    long size = data.train().size();
    if (size == 0) {
      throw new IllegalArgumentException("the training dataset is empty");
    }
    EpochSampler sampler = RunContext.trainingSampler(config);
    int batchesPerEpoch = (int) sampler.batchesPerEpoch(size);
    if (sampler.dropsSingleExample(size)) {
      LOG.info(
          "{} training records make {} batches of {} and one of a single record, which batch"
              + " normalization cannot train on: each epoch leaves that one out (another one each"
              + " epoch, as the order is shuffled)",
          size,
          batchesPerEpoch,
          config.batchSize());
    }
    if (batchesPerEpoch == 0) {
      throw new IllegalArgumentException(
          "the training dataset has "
              + size
              + " records: not one whole batch of "
              + config.batchSize()
              + " with dropLastBatch; lower the batch size");
    }
    if (data.train() instanceof CachedImageDataset images
        && !images.augmentation().equals(config.augmentation())) {
      throw new IllegalArgumentException(
          "the training images are loaded with augmentation "
              + images.augmentation().describe()
              + " but the configuration says "
              + config.augmentation().describe()
              + ": open the data with the configuration (PreparedData.at(folder).config(config))");
    }
    if (data.hasValidation() && data.validation().size() == 0) {
      throw new IllegalArgumentException(
          "the validation dataset is empty: pass null for no validation");
    }
    return batchesPerEpoch;
  }

  /**
   * Checks that a metart dataset carries as many label values per record as the task needs under
   * the configuration (e.g. three for years trained on intervals).
   *
   * @throws IllegalArgumentException saying how to open the data instead
   */
  static void labelWidth(TrainingData data, TrainingConfig config, TrainingTask task) {
    int needed = task.labelWidth(config);
    for (Object dataset : new Object[] {data.train(), data.hasValidation() ? data.validation() : null}) {
      if (dataset instanceof CachedImageDataset images && images.labelWidth() != needed) {
        throw new IllegalArgumentException(
            "the images carry "
                + images.labelWidth()
                + " label values but the year target "
                + config.yearTarget().id()
                + " needs "
                + needed
                + " for this model: open the data with the configuration (PreparedData.at(folder).config(config))");
      }
    }
  }

  /**
   * The configured loss, or the head's default (cross-entropy for classes and year bins, L1 for
   * year regression).
   *
   * @throws IllegalArgumentException when the loss does not fit the head
   */
  static LossConfig loss(TrainingConfig config, TrainingTask task) {
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
}

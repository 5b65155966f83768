package io.github.metart.train.listeners;

import io.github.metart.train.config.TrainingConfig;

/**
 * What a run is about to do, given to {@link TrainingListener#onFitStart}.
 *
 * @param config the configuration
 * @param epochs the number of epochs of the run
 * @param startEpoch the epoch it starts in (0-based; above 0 when resumed)
 * @param startBatch the batch it starts at within that epoch (above 0 when resumed mid-epoch)
 * @param batchesPerEpoch training batches per epoch
 * @param trainSize training records
 * @param validationSize validation records, 0 without validation
 * @param devices the devices and why they were chosen
 * @param threads the CPU thread settings
 * @param updater the parameter update implementation
 * @param trainableValues the number of trainable parameter values
 * @param resumed whether the run continues from a checkpoint
 */
public record FitStart(
    TrainingConfig config,
    int epochs,
    int startEpoch,
    int startBatch,
    int batchesPerEpoch,
    long trainSize,
    long validationSize,
    String devices,
    String threads,
    String updater,
    long trainableValues,
    boolean resumed) {}

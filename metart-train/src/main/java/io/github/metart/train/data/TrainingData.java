package io.github.metart.train.data;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.training.dataset.RandomAccessDataset;
import io.github.metart.train.provenance.RunProvenance;

/**
 * The data of a run: training and (optionally) validation datasets whose records follow the
 * dataset convention (float32 {@code [3, H, W]} image; float32 {@code [1]} label), and the SHA-256
 * of the manifest they were prepared from. The trainer decides the order and batching (its own
 * seeded sampler); the datasets' own sampling settings are ignored. Datasets must be thread-safe
 * ({@code get} is called from loader threads) and deterministic for exact resumption.
 *
 * @param train the training records
 * @param validation the validation records, or {@code null}
 * @param manifestSha256 the manifest's SHA-256, or {@link RunProvenance#UNKNOWN}
 */
public record TrainingData(
    RandomAccessDataset train, RandomAccessDataset validation, String manifestSha256) {

  /** Validates the data. */
  public TrainingData {
    checkArgument(train != null, "the training dataset is missing");
    checkArgument(
        manifestSha256 != null
            && (manifestSha256.equals(RunProvenance.UNKNOWN)
                || manifestSha256.matches("[0-9a-f]{64}")),
        "the manifest hash must be 64 lower-case hex digits or '%s', got '%s'",
        RunProvenance.UNKNOWN,
        manifestSha256);
  }

  /** Data without a manifest. */
  public static TrainingData of(RandomAccessDataset train, RandomAccessDataset validation) {
    return new TrainingData(train, validation, RunProvenance.UNKNOWN);
  }

  /** Whether there is validation data. */
  public boolean hasValidation() {
    return validation != null;
  }
}

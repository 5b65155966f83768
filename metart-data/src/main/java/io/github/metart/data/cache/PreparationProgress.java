package io.github.metart.data.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a running preparation, for progress bars and logs.
 *
 * @param total the distinct objects requested
 * @param alreadyCached the objects found in the cache when this run started (resumed work)
 * @param processed the objects this run has finished (prepared or skipped)
 * @param prepared the objects this run has prepared
 * @param skipped the objects this run has skipped
 * @param elapsed the time since this run started
 */
public record PreparationProgress(
    int total, int alreadyCached, int processed, int prepared, int skipped, Duration elapsed) {

  /** Validates the fields. */
  public PreparationProgress {
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Objects done, including those already cached. */
  public int done() {
    return alreadyCached + processed;
  }

  /** The fraction done, 0 to 1. */
  public double fraction() {
    return total == 0 ? 1.0 : (double) done() / total;
  }

  /** Objects processed per second in this run. */
  public double imagesPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : processed / seconds;
  }

  /** The estimated time left, empty until the rate is known. */
  public Optional<Duration> eta() {
    double rate = imagesPerSecond();
    if (rate <= 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis((long) ((total - done()) / rate * 1000)));
  }
}

package io.github.metart.data.download;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a running download, for progress bars.
 *
 * @param total the objects requested
 * @param done the objects finished, whatever the outcome
 * @param downloaded the images downloaded in this run
 * @param alreadyPresent the images found in the folder (not requested again)
 * @param noImage the objects without an image
 * @param failed the objects that failed
 * @param bytes the bytes downloaded in this run
 * @param elapsed the time since this run started
 */
public record DownloadProgress(
    int total,
    int done,
    int downloaded,
    int alreadyPresent,
    int noImage,
    int failed,
    long bytes,
    Duration elapsed) {

  /** Validates the fields. */
  public DownloadProgress {
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** The fraction done, 0 to 1. */
  public double fraction() {
    return total == 0 ? 1.0 : (double) done / total;
  }

  /** Objects per second that needed the network (present files are not counted). */
  public double objectsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : (done - alreadyPresent) / seconds;
  }

  /** The estimated time left, empty until the rate is known. */
  public Optional<Duration> eta() {
    double rate = objectsPerSecond();
    if (rate <= 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis((long) ((total - done) / rate * 1000)));
  }
}

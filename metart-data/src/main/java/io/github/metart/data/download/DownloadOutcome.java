package io.github.metart.data.download;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one object.
 *
 * @param objectId the Met Object ID
 * @param status the outcome
 * @param file the image file, for {@link Status#DOWNLOADED} and {@link Status#ALREADY_PRESENT}
 * @param bytes the bytes downloaded (0 unless downloaded)
 * @param attempts the HTTP requests made for this object
 * @param reason why there is no image, for {@link Status#NO_IMAGE} and {@link Status#FAILED}
 */
public record DownloadOutcome(
    long objectId, Status status, Optional<Path> file, long bytes, int attempts, String reason) {

  /** Validates the fields. */
  public DownloadOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }

  /** The outcome of one object. */
  public enum Status {
    /** The image was downloaded and verified. */
    DOWNLOADED,
    /** A complete image was already in the folder (resumed run); nothing was requested. */
    ALREADY_PRESENT,
    /** The object has no image in the Collection API (not public domain, or never photographed). */
    NO_IMAGE,
    /** The download failed; {@link #reason()} says why. */
    FAILED
  }

  static DownloadOutcome downloaded(long id, Path file, long bytes, int attempts) {
    return new DownloadOutcome(id, Status.DOWNLOADED, Optional.of(file), bytes, attempts, "");
  }

  static DownloadOutcome present(long id, Path file) {
    return new DownloadOutcome(id, Status.ALREADY_PRESENT, Optional.of(file), 0, 0, "");
  }

  static DownloadOutcome noImage(long id, int attempts, String reason) {
    return new DownloadOutcome(id, Status.NO_IMAGE, Optional.empty(), 0, attempts, reason);
  }

  static DownloadOutcome failed(long id, int attempts, String reason) {
    return new DownloadOutcome(id, Status.FAILED, Optional.empty(), 0, attempts, reason);
  }
}

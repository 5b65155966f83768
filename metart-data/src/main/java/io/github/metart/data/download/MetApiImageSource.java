package io.github.metart.data.download;

import io.github.metart.data.images.ImageSource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Images from the Met Collection API, downloaded on demand into the downloader's folder: an object
 * already downloaded is served from the folder, any other is fetched first. Lets a cache be
 * prepared straight from the API.
 */
public final class MetApiImageSource implements ImageSource {

  private final MetImageDownloader downloader;

  /** A source that downloads through the given downloader. */
  public MetApiImageSource(MetImageDownloader downloader) {
    this.downloader = Objects.requireNonNull(downloader, "downloader");
  }

  @Override
  public Optional<Path> locate(long objectId) throws IOException {
    DownloadOutcome outcome;
    try {
      outcome = downloader.download(objectId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("object " + objectId + ": download interrupted");
    }
    return switch (outcome.status()) {
      case DOWNLOADED, ALREADY_PRESENT -> outcome.file();
      case NO_IMAGE -> Optional.empty();
      case FAILED -> throw new IOException(outcome.reason());
    };
  }

  @Override
  public String describe() {
    return "the Met Collection API (downloads in " + downloader.outputFolder() + ")";
  }
}

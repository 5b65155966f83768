package io.github.metart.data.download;

/**
 * Receives progress while images download, at a fixed interval and once at the end, on the thread
 * that called {@link MetImageDownloader#downloadAll}.
 */
@FunctionalInterface
public interface DownloadListener {

  /** A listener that ignores progress. */
  DownloadListener NONE = progress -> {};

  /** Called with the current progress. */
  void onProgress(DownloadProgress progress);
}

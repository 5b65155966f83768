package io.github.metart.data.cache;

/**
 * Receives progress while a cache is prepared (at a fixed interval and once at the end), on the
 * thread that called {@link CachePreparer#prepare}. Throwing from it aborts the preparation, which
 * can be resumed later.
 */
@FunctionalInterface
public interface PreparationListener {

  /** A listener that ignores progress. */
  PreparationListener NONE = progress -> {};

  /** Called with the current progress. */
  void onProgress(PreparationProgress progress);
}

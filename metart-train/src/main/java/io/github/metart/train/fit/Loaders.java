package io.github.metart.train.fit;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads that prepare batches ahead of the steps: daemons named {@code metart-loader-N}. */
final class Loaders {

  private Loaders() {}

  /** A pool of loader threads. */
  static ExecutorService start(int threads) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        task -> {
          Thread thread = new Thread(task, "metart-loader-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * Stops the loaders and waits for the batches they are preparing, so that no batch is created in
   * a manager about to be closed.
   */
  static void stop(ExecutorService loaders) {
    loaders.shutdownNow();
    try {
      loaders.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.github.metart.data.download;

import java.util.concurrent.TimeUnit;

/**
 * Spaces requests evenly: at most {@code perSecond} requests start per second across all threads,
 * and everyone waits after a server asked for a pause ({@code Retry-After}).
 *
 * <p>Not Guava's {@code RateLimiter}: it cannot be paused, and it stores up to a second of unused
 * permits while callers wait, so the end of a {@code Retry-After} pause would release a burst of
 * requests at the server that just asked to slow down (its warming-up variant starts with stored
 * permits too). Tried and measured by {@code MetImageDownloaderTest.requestsAreSpacedByTheRateLimit}.
 */
final class RateLimiter {

  private final long intervalNanos;
  private long next = System.nanoTime();

  RateLimiter(double perSecond) {
    this.intervalNanos = (long) (1e9 / perSecond);
  }

  /** Blocks until this caller may send a request. */
  void acquire() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, next);
      next = slot + intervalNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  /** Holds every request back for {@code nanos} from now. */
  synchronized void pause(long nanos) {
    next = Math.max(next, System.nanoTime() + nanos);
  }
}

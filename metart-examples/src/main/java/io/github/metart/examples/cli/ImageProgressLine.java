package io.github.metart.examples.cli;

import io.github.metart.data.progress.ProgressLine;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders the progress of a long image job (download, preparation) on stderr: a bar redrawn in
 * place on a terminal, or a plain line every few seconds when stderr is a file or a test.
 */
final class ImageProgressLine {

  private static final int WIDTH = 30;
  private static final long PLAIN_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

  private final ProgressLine line;
  private final String label;
  private long lastPlain = Long.MIN_VALUE;

  ImageProgressLine(PrintWriter err, boolean interactive, String label) {
    this.line = new ProgressLine(err, interactive);
    this.label = label;
  }

  /** Whether this process writes to a terminal. */
  static boolean terminal() {
    return ProgressLine.terminal();
  }

  /** Draws the current state; {@code extra} is appended (e.g. {@code failed 3}). */
  void update(int done, int total, double perSecond, Optional<Duration> eta, String extra) {
    double fraction = total == 0 ? 1.0 : (double) done / total;
    String text =
        String.format(
            Locale.ROOT,
            "%s %s %3.0f%% %d/%d  %.1f/s  ETA %s%s",
            label,
            ProgressLine.bar(fraction, WIDTH),
            fraction * 100,
            done,
            total,
            perSecond,
            eta.map(d -> ProgressLine.clock(d.toSeconds())).orElse("--:--"),
            extra.isEmpty() ? "" : "  " + extra);
    long now = System.nanoTime();
    if (line.interactive()
        || lastPlain == Long.MIN_VALUE
        || now - lastPlain >= PLAIN_INTERVAL_NANOS
        || done == total) {
      lastPlain = now;
      line.draw(text);
    }
  }

  /** Ends the line on a terminal. */
  void finish() {
    line.finish();
  }
}

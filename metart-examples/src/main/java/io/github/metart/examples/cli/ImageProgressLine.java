package io.github.metart.examples.cli;

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

  private final PrintWriter err;
  private final boolean interactive;
  private final String label;
  private long lastPlain = Long.MIN_VALUE;
  private int lastLength;

  ImageProgressLine(PrintWriter err, boolean interactive, String label) {
    this.err = err;
    this.interactive = interactive;
    this.label = label;
  }

  /** Whether this process writes to a terminal. */
  static boolean terminal() {
    return System.console() != null;
  }

  /** Draws the current state; {@code extra} is appended (e.g. {@code failed 3}). */
  void update(int done, int total, double perSecond, Optional<Duration> eta, String extra) {
    double fraction = total == 0 ? 1.0 : (double) done / total;
    String text =
        String.format(
            Locale.ROOT,
            "%s %s %3.0f%% %d/%d  %.1f/s  ETA %s%s",
            label,
            bar(fraction),
            fraction * 100,
            done,
            total,
            perSecond,
            eta.map(ImageProgressLine::clock).orElse("--:--"),
            extra.isEmpty() ? "" : "  " + extra);
    if (interactive) {
      err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
      lastLength = text.length();
      err.flush();
      return;
    }
    long now = System.nanoTime();
    if (lastPlain == Long.MIN_VALUE || now - lastPlain >= PLAIN_INTERVAL_NANOS || done == total) {
      lastPlain = now;
      err.println(text);
      err.flush();
    }
  }

  /** Ends the line on a terminal. */
  void finish() {
    if (interactive && lastLength > 0) {
      err.println();
      err.flush();
    }
  }

  private static String bar(double fraction) {
    int filled = (int) Math.round(fraction * WIDTH);
    return "[" + "=".repeat(filled) + " ".repeat(WIDTH - filled) + "]";
  }

  static String clock(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds >= 3600) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}

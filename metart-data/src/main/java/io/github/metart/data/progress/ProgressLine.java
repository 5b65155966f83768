package io.github.metart.data.progress;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One progress line on a stream, the one renderer behind every progress display of metart (image
 * downloads and preparation, training epochs, weight downloads): on a terminal the line is redrawn
 * in place; in a log file or a test each update is its own line, so callers decide how often to
 * print there. The bar and the clock have one format everywhere.
 */
public final class ProgressLine {

  private final PrintWriter out;
  private final boolean interactive;
  private int drawnLength;

  /**
   * A progress line.
   *
   * @param out where to draw (flushed after every update)
   * @param interactive whether to redraw one line in place (a terminal) or print lines (a log)
   */
  public ProgressLine(PrintWriter out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  /** Whether this process writes to a terminal, where lines are redrawn in place. */
  public static boolean terminal() {
    return System.console() != null;
  }

  /** Whether the line is redrawn in place. */
  public boolean interactive() {
    return interactive;
  }

  /** Shows {@code text}: redrawn over the previous text on a terminal, else on a line of its own. */
  public void draw(String text) {
    if (interactive) {
      out.print('\r' + text + " ".repeat(Math.max(0, drawnLength - text.length())));
      drawnLength = text.length();
    } else {
      out.println(text);
    }
    out.flush();
  }

  /** Ends a line redrawn in place, so that what follows starts on a line of its own. */
  public void finish() {
    if (interactive && drawnLength > 0) {
      out.println();
      drawnLength = 0;
    }
    out.flush();
  }

  /**
   * A bar such as {@code [=========>          ]}.
   *
   * @param fraction done, 0 to 1 (clamped)
   * @param width the characters between the brackets
   */
  public static String bar(double fraction, int width) {
    double clamped = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
    int done = (int) (width * clamped);
    return "["
        + "=".repeat(done)
        + (done < width ? ">" + " ".repeat(width - done - 1) : "")
        + "]";
  }

  /** A duration as {@code m:ss} or {@code h:mm:ss}; {@code ?} when unknown (not finite or negative). */
  public static String clock(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) {
      return "?";
    }
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}

package io.github.metart.train.listeners;

import io.github.metart.data.progress.ProgressLine;
import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.History;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar over an epoch's batches, with the running loss and metric, speed and time left:
 *
 * <pre>
 * epoch 2/10 [=========&gt;          ]  45/100 loss 0.6931 accuracy 0.5120 | 123.4 img/s | 0:42 left
 * </pre>
 *
 * <p>On a terminal the line is redrawn in place (at most 10 times a second) and kept when the epoch
 * ends; otherwise (a log file) a line is printed at every tenth of the epoch. Each epoch ends with
 * its summary line (validation included), unless the summaries are left to the log.
 */
public final class ProgressBar implements TrainingListener {

  private static final int WIDTH = 24;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter out;
  private final ProgressLine progress;
  private final boolean summaries;
  private long lastDraw;
  private int lastTenth;

  /** A progress bar on a stream with epoch summaries, redrawn in place when the JVM has a console. */
  public ProgressBar(PrintStream out) {
    this(out, ProgressLine.terminal(), true);
  }

  /**
   * A progress bar on a stream.
   *
   * @param out where to print
   * @param interactive whether to redraw one line in place (a terminal) or print lines (a log)
   * @param summaries whether to print each epoch's summary line (off when the log already shows
   *     it, as the command line's does)
   */
  public ProgressBar(PrintStream out, boolean interactive, boolean summaries) {
    // the lines are ASCII, so the JVM's default charset writes them as the stream would
    this.out = new PrintWriter(out, true);
    this.progress = new ProgressLine(this.out, interactive);
    this.summaries = summaries;
  }

  @Override
  public void onEpochStart(int epoch, int epochs, int firstBatch, int batches) {
    lastDraw = 0;
    lastTenth = (firstBatch - 1) * 10 / Math.max(1, batches);
  }

  @Override
  public void onBatchEnd(BatchProgress p) {
    if (progress.interactive()) {
      long now = System.nanoTime();
      if (p.batch() < p.batches() && now - lastDraw < REDRAW_NANOS) {
        return;
      }
      lastDraw = now;
      progress.draw(line(p));
    } else {
      int tenth = p.batch() * 10 / p.batches();
      if (tenth > lastTenth) {
        lastTenth = tenth;
        progress.draw(line(p));
      }
    }
  }

  @Override
  public void onEpochEnd(EpochRecord record, History history) {
    progress.finish();
    if (summaries) {
      out.println(LoggingListener.describe(record, history.metricName()));
    }
    out.flush();
  }

  /** The progress line of a batch (without carriage return). */
  static String line(BatchProgress p) {
    String bar = ProgressLine.bar((double) p.batch() / Math.max(1, p.batches()), WIDTH);
    int digits = Integer.toString(p.batches()).length();
    return String.format(
        Locale.ROOT,
        "epoch %d/%d %s %" + digits + "d/%d loss %.4f %s %.4f | %.1f img/s | %s left",
        p.epoch(),
        p.epochs(),
        bar,
        p.batch(),
        p.batches(),
        p.loss(),
        p.metricName(),
        p.metric(),
        p.imagesPerSecond(),
        ProgressLine.clock(p.secondsLeft()));
  }
}

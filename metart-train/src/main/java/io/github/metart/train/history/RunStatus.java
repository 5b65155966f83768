package io.github.metart.train.history;

import java.util.Locale;

/** How a training run stands or ended. */
public enum RunStatus {
  /** Still training (or interrupted: resume it). */
  RUNNING,
  /** All epochs ran. */
  COMPLETED,
  /** Early stopping ended the run. */
  EARLY_STOPPED,
  /** A NaN or infinite loss ended the run; the last good checkpoint is kept. */
  DIVERGED;

  /** Whether the run is over (resuming it does nothing). */
  public boolean isFinished() {
    return this == COMPLETED || this == EARLY_STOPPED;
  }

  /** The lower-case name used in files, e.g. {@code early_stopped}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a {@link #key()}. */
  public static RunStatus parse(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}

package io.github.metart.data.images;

import java.io.IOException;
import java.util.Objects;

/**
 * An image that cannot be decoded: the message names the file and says why, and {@link #problem()}
 * classifies it (for quality reports and skip lists).
 */
public final class ImageDecodeException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient DecodeProblem problem;
  private final String file;
  private final String detail;

  /**
   * Creates the exception.
   *
   * @param file the file (or name) that failed
   * @param problem what kind of failure it was
   * @param detail what exactly happened, in a few words
   * @param cause the underlying exception, if any
   */
  public ImageDecodeException(String file, DecodeProblem problem, String detail, Throwable cause) {
    super(file + ": " + problem.label() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"), cause);
    this.file = Objects.requireNonNull(file, "file");
    this.problem = Objects.requireNonNull(problem, "problem");
    this.detail = detail == null ? "" : detail;
  }

  /** What kind of failure it was. */
  public DecodeProblem problem() {
    return problem;
  }

  /** The file (or name) that failed. */
  public String file() {
    return file;
  }

  /** The reason without the file name, e.g. {@code truncated (premature end of JPEG data)}. */
  public String reason() {
    return problem.label() + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}

package io.github.metart.examples.notebook;

import java.nio.file.Path;

/**
 * Why a notebook or snippet failed, and where.
 *
 * @param file the notebook or Markdown file
 * @param line the line in that file where the failing code starts (1-based)
 * @param code the failing code's first line
 * @param reason what went wrong: compiler diagnostics, the exception thrown, the exit code
 */
record NotebookFailure(Path file, int line, String code, String reason) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + reason + "\n    in: " + code;
  }
}

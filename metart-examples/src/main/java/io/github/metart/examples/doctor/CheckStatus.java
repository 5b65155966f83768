package io.github.metart.examples.doctor;

/** The outcome of one pre-flight check. */
enum CheckStatus {
  /** All is well. */
  OK,
  /** Works, but something deserves attention; the result says what to do. */
  WARN,
  /** Will not work until fixed; the result says how. */
  FAIL
}

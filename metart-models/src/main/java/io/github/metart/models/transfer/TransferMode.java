package io.github.metart.models.transfer;

/** How strictly backbone weights must match. */
public enum TransferMode {
  /**
   * Every backbone parameter must be found under its name with the same shape, and every source
   * weight but the source's head must be used (a hidden layer or stem the target lacks is an
   * error); otherwise nothing is loaded and the error lists what is missing, differs or is unused.
   */
  STRICT,
  /**
   * Load what matches by name and shape; parameters missing from the source or shaped differently
   * keep their initialization, and unused source weights are left out; all are reported.
   */
  LENIENT
}

package io.github.metart.models.transfer;

/** How strictly backbone weights must match. */
public enum TransferMode {
  /**
   * Every backbone parameter must be found under its name with the same shape; otherwise nothing is
   * loaded and the error lists what is missing or differs.
   */
  STRICT,
  /**
   * Load what matches by name and shape; parameters missing from the source or shaped differently
   * keep their initialization and are reported.
   */
  LENIENT
}

package io.github.metart.models.heads;

/** The kind of a head, which decides the training loss. */
public enum HeadKind {
  /**
   * Class logits; train with softmax cross-entropy against the class index (the dataset label, as
   * returned by {@link Head#trainingTargets}).
   */
  CLASSIFICATION,
  /**
   * One output compared directly with the normalized year (0..1); train with an L1, L2 or Huber
   * loss against {@link Head#trainingTargets}.
   */
  REGRESSION,
  /**
   * Logits over year bins; train with softmax cross-entropy against the bin index that {@link
   * Head#trainingTargets} computes from the normalized year.
   */
  BINNED_YEAR,
  /**
   * Culture and year on one backbone: cross-entropy on the culture logits plus the year head's
   * loss on the year outputs, weighted.
   */
  CULTURE_YEAR;

  /**
   * Whether the outputs are logits trained with softmax cross-entropy on an index target (for
   * {@link #CULTURE_YEAR}: at least its culture outputs are).
   */
  public boolean usesSoftmaxCrossEntropy() {
    return this != REGRESSION;
  }
}

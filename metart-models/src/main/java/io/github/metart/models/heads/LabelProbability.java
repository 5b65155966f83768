package io.github.metart.models.heads;

/**
 * One class and its predicted probability.
 *
 * @param index the class index
 * @param label the class name
 * @param probability the softmax probability
 */
public record LabelProbability(int index, String label, float probability) {

  /** e.g. {@code Japan 0.812}. */
  public String describe() {
    return label + " " + String.format(java.util.Locale.ROOT, "%.3f", probability);
  }
}

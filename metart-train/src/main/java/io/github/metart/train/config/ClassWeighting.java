package io.github.metart.train.config;

import java.util.Locale;

/**
 * How the classes of a classification loss are weighted, for unbalanced labels (when the data was
 * not balanced at preparation).
 */
public enum ClassWeighting {
  /** Every sample counts the same. */
  NONE,
  /**
   * Each class weighs {@code n / (k * count)}: n training samples, k classes present, count the
   * class's training samples (scikit-learn's {@code "balanced"}), so every class contributes the
   * same in total. Classes absent from the training split weigh 0 (they are never a target). The
   * loss is PyTorch's weighted cross-entropy: the weighted sum divided by the sum of the targets'
   * weights.
   */
  BALANCED;

  /**
   * Parses {@code none} or {@code balanced} (case-insensitive).
   *
   * @throws IllegalArgumentException for anything else, naming both
   */
  public static ClassWeighting parse(String text) {
    String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return switch (key) {
      case "none" -> NONE;
      case "balanced" -> BALANCED;
      default -> throw new IllegalArgumentException(
          "unknown class weights '" + text + "': use balanced or none");
    };
  }

  /** {@code none} or {@code balanced}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}

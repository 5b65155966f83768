package io.github.metart.train.config;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The training loss: softmax cross-entropy (with optional label smoothing) for classifier and
 * binned-year heads; L1, L2 (mean squared error) or Huber for a normalized-year regression head. The
 * formulas are PyTorch's ({@code CrossEntropyLoss(label_smoothing)}, {@code L1Loss}, {@code
 * MSELoss}, {@code HuberLoss(delta)}), averaged over the batch.
 *
 * @param kind the loss
 * @param labelSmoothing for cross-entropy: the smoothing, in [0, 1)
 * @param huberDelta for Huber: where the loss turns from quadratic to linear, positive (in
 *     normalized year units: 0.05 over 1500..1900 is 20 years)
 */
public record LossConfig(Kind kind, double labelSmoothing, double huberDelta) {

  /** The available losses. */
  public enum Kind {
    /** Softmax cross-entropy against a class (or year-bin) index. */
    CROSS_ENTROPY,
    /** Mean absolute error against the normalized year. */
    L1,
    /** Mean squared error against the normalized year. */
    L2,
    /** Huber loss against the normalized year. */
    HUBER;

    /** Whether this loss compares class scores with an index (rather than a value with a value). */
    public boolean isClassification() {
      return this == CROSS_ENTROPY;
    }
  }

  /** The Huber delta of {@code huber} without one, in normalized-year units. */
  public static final double DEFAULT_HUBER_DELTA = 0.05;

  /**
   * Parses a loss (case-insensitive): {@code cross-entropy} (or {@code cross_entropy}), {@code l1},
   * {@code l2}, or {@code huber:DELTA} ({@code huber} alone takes {@value #DEFAULT_HUBER_DELTA}).
   *
   * @param text the loss
   * @return the loss (cross-entropy without label smoothing)
   * @throws IllegalArgumentException for anything else, saying how to write it
   */
  public static LossConfig parse(String text) {
    checkArgument(
        text != null, "the loss is missing: use cross-entropy, l1, l2 or huber:DELTA");
    String[] parts = text.strip().toLowerCase(java.util.Locale.ROOT).split(":");
    switch (parts[0]) {
      case "cross-entropy", "cross_entropy", "l1", "l2":
        if (parts.length == 1) {
          return switch (parts[0]) {
            case "l1" -> l1();
            case "l2" -> l2();
            default -> crossEntropy();
          };
        }
        break;
      case "huber":
        if (parts.length == 1) {
          return huber(DEFAULT_HUBER_DELTA);
        }
        if (parts.length == 2) {
          try {
            return huber(Double.parseDouble(parts[1].strip()));
          } catch (NumberFormatException e) {
            // the message below says how to write it
          }
        }
        throw new IllegalArgumentException(
            "a Huber loss is written huber:DELTA, e.g. huber:0.05; got '" + text + "'");
      default:
        break;
    }
    throw new IllegalArgumentException(
        "unknown loss '" + text + "': use cross-entropy, l1, l2 or huber:DELTA");
  }

  /** Validates the loss. */
  public LossConfig {
    checkArgument(kind != null, "the loss kind is missing (cross_entropy, l1, l2 or huber)");
    checkArgument(
        labelSmoothing >= 0 && labelSmoothing < 1,
        "label smoothing must be in [0, 1), got %s",
        labelSmoothing);
    checkArgument(
        labelSmoothing == 0 || kind == Kind.CROSS_ENTROPY,
        "label smoothing applies to cross-entropy only, not to %s",
        kind);
    checkArgument(
        huberDelta > 0 && Double.isFinite(huberDelta),
        "the Huber delta must be a finite number above 0, got %s",
        huberDelta);
  }

  /** Softmax cross-entropy without label smoothing. */
  public static LossConfig crossEntropy() {
    return crossEntropy(0);
  }

  /** Softmax cross-entropy with the given label smoothing. */
  public static LossConfig crossEntropy(double labelSmoothing) {
    return new LossConfig(Kind.CROSS_ENTROPY, labelSmoothing, 1);
  }

  /** Mean absolute error (the default for year regression: it is the mean year error, scaled). */
  public static LossConfig l1() {
    return new LossConfig(Kind.L1, 0, 1);
  }

  /** Mean squared error. */
  public static LossConfig l2() {
    return new LossConfig(Kind.L2, 0, 1);
  }

  /** Huber loss with the given delta. */
  public static LossConfig huber(double delta) {
    return new LossConfig(Kind.HUBER, 0, delta);
  }

  /** One line such as {@code cross_entropy (label smoothing 0.1)}. */
  public String describe() {
    return switch (kind) {
      case CROSS_ENTROPY -> labelSmoothing > 0
          ? "cross_entropy (label smoothing " + labelSmoothing + ")"
          : "cross_entropy";
      case L1 -> "l1";
      case L2 -> "l2";
      case HUBER -> "huber (delta " + huberDelta + ")";
    };
  }
}

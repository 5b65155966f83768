package io.github.metart.data.loading;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;

/**
 * An automatic augmentation policy applied to each training image after its crop and flip: one of
 * identity, shear x/y, translate x/y, rotate, brightness, color, contrast, sharpness, posterize,
 * solarize, autocontrast and equalize, with the published magnitude ranges (31 bins).
 *
 * <ul>
 *   <li>{@link Kind#TRIVIAL_WIDE TrivialAugment-Wide} (Müller and Hutter, 2021): one operation per
 *       image, chosen uniformly, at a magnitude bin chosen uniformly in 0..30; shear up to 0.99,
 *       translate up to 32 px of 224 (scaled to the image), rotate up to 135°, the four enhancements
 *       by a factor in 0.01..1.99, posterize to 8..2 bits, solarize at 255..0.
 *   <li>{@link Kind#RAND_AUGMENT RandAugment} (Cubuk et al., 2020): {@code ops} operations per image,
 *       each chosen uniformly, all at magnitude bin {@code magnitude}; shear up to 0.3, translate up to
 *       150 px of 331, rotate up to 30°, enhancements by 0.1..1.9, posterize to 8..4 bits.
 * </ul>
 *
 * Signed operations are negated half of the time. The draws come from the example's (seed, epoch,
 * index) generator, like the crop and flip.
 *
 * @param kind the policy
 * @param ops RandAugment's number of operations per image, 1..14 (0 for the others)
 * @param magnitude RandAugment's magnitude bin, 0..30 (0 for the others)
 */
public record AugmentPolicy(Kind kind, int ops, int magnitude) {

  /** The policies. */
  public enum Kind {
    /** No policy. */
    NONE,
    /** TrivialAugment-Wide. */
    TRIVIAL_WIDE,
    /** RandAugment(N, M). */
    RAND_AUGMENT
  }

  /** No policy. */
  public static final AugmentPolicy NONE = new AugmentPolicy(Kind.NONE, 0, 0);

  /** How the message about a name that is no policy starts. */
  public static final String UNKNOWN = "unknown augmentation policy";

  /** The largest RandAugment magnitude bin. */
  public static final int MAX_MAGNITUDE = ImageOp.BINS - 1;

  /** Validates the parameters. */
  public AugmentPolicy {
    kind = kind == null ? Kind.NONE : kind;
    if (kind == Kind.RAND_AUGMENT) {
      checkArgument(
          ops >= 1 && ops <= ImageOp.values().length,
          "RandAugment's number of operations must be between 1 and %s, got %s",
          ImageOp.values().length,
          ops);
      checkArgument(
          magnitude >= 0 && magnitude <= MAX_MAGNITUDE,
          "RandAugment's magnitude must be between 0 and %s, got %s",
          MAX_MAGNITUDE,
          magnitude);
    } else {
      checkArgument(
          ops == 0 && magnitude == 0,
          "only RandAugment takes a number of operations and a magnitude, not %s",
          kind);
    }
  }

  /** TrivialAugment-Wide. */
  public static AugmentPolicy trivialWide() {
    return new AugmentPolicy(Kind.TRIVIAL_WIDE, 0, 0);
  }

  /**
   * RandAugment.
   *
   * @param ops operations per image (the paper's N; 2 is common)
   * @param magnitude the magnitude bin 0..30 (the paper's M; 9 is common)
   */
  public static AugmentPolicy randAugment(int ops, int magnitude) {
    return new AugmentPolicy(Kind.RAND_AUGMENT, ops, magnitude);
  }

  /**
   * Parses {@code none}, {@code trivial} (TrivialAugment-Wide) or {@code randaugment:N:M}
   * ({@code randaugment} alone is N = 2, M = 9), case-insensitive.
   *
   * @throws IllegalArgumentException for anything else, saying how to write it
   */
  public static AugmentPolicy parse(String text) {
    String[] parts = text.strip().toLowerCase(Locale.ROOT).split(":", -1);
    switch (parts[0]) {
      case "none":
        if (parts.length == 1) {
          return NONE;
        }
        break;
      case "trivial", "trivialaugment", "trivial-wide":
        if (parts.length == 1) {
          return trivialWide();
        }
        break;
      case "randaugment", "rand-augment":
        if (parts.length == 1) {
          return randAugment(2, 9);
        }
        if (parts.length == 3) {
          try {
            return randAugment(Integer.parseInt(parts[1].strip()), Integer.parseInt(parts[2].strip()));
          } catch (NumberFormatException e) {
            // the message below says how to write it
          }
        }
        throw new IllegalArgumentException(
            "RandAugment is written randaugment:N:M (operations, magnitude 0..30), e.g. randaugment:2:9;"
                + " got '" + text + "'");
      default:
        break;
    }
    throw new IllegalArgumentException(
        UNKNOWN + " '" + text + "': use none, trivial or randaugment:N:M");
  }

  /** Whether a policy is applied. */
  @JsonIgnore
  public boolean isEnabled() {
    return kind != Kind.NONE;
  }

  /** The text {@link #parse} reads back: {@code none}, {@code trivial} or {@code randaugment:N:M}. */
  public String describe() {
    return switch (kind) {
      case NONE -> "none";
      case TRIVIAL_WIDE -> "trivial";
      case RAND_AUGMENT -> "randaugment:" + ops + ":" + magnitude;
    };
  }

  /**
   * Applies the policy to the {@code n x n} RGB image in {@code image}, using {@code spare} (same
   * size) as scratch.
   *
   * @return the array holding the result ({@code image} or {@code spare})
   */
  byte[] apply(SplitMix64 random, byte[] image, byte[] spare, int n) {
    ImageOp[] all = ImageOp.values();
    int count = kind == Kind.RAND_AUGMENT ? ops : kind == Kind.TRIVIAL_WIDE ? 1 : 0;
    byte[] current = image;
    byte[] other = spare;
    for (int k = 0; k < count; k++) {
      ImageOp op = all[random.nextInt(all.length)];
      int bin = kind == Kind.RAND_AUGMENT ? magnitude : random.nextInt(ImageOp.BINS);
      float value = op.value(bin, kind == Kind.TRIVIAL_WIDE, n);
      if (op.signed() && random.nextBoolean()) {
        value = -value;
      }
      if (op == ImageOp.IDENTITY) {
        continue;
      }
      op.apply(value, current, other, n);
      byte[] swap = current;
      current = other;
      other = swap;
    }
    return current;
  }
}

package io.github.metart.data.loading;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * On-the-fly training augmentation, drawn from a seed per epoch and example (per epoch and batch
 * for mixup and CutMix) so that a run (and a resumed run) sees the same images. Applied in the
 * loader threads, in this order: crop, mirror, {@link AugmentPolicy policy}, colour jitter,
 * normalization, random erasing; then, over the assembled batch, mixup or CutMix.
 *
 * @param randomCrop crop the model input at a random position of the stored square (otherwise
 *     centered)
 * @param horizontalFlip mirror half of the images
 * @param colorJitter the strength of random brightness, contrast and saturation changes: each
 *     factor is drawn from {@code [1 - colorJitter, 1 + colorJitter]}; 0 for none, at most 0.5
 * @param policy TrivialAugment-Wide, RandAugment or none ({@code null} reads as none)
 * @param erasing the probability of random erasing (Zhong et al., 2020) per image, 0 for none: a
 *     rectangle of {@value #ERASING_MIN_AREA}..{@value #ERASING_MAX_AREA} of the image with an
 *     aspect ratio log-uniform in {@value #ERASING_MIN_ASPECT}..1/{@value #ERASING_MIN_ASPECT} (up
 *     to 10 tries to fit) is set to 0 after normalization, i.e. to the normalization's mean colour
 * @param mixup mixup's Beta(α, α) parameter α (Zhang et al., 2018), 0 for none: each batch is
 *     blended with itself reversed, {@code λ x_i + (1 - λ) x_(B-1-i)}, and so are the labels (see
 *     {@link MixedLabels})
 * @param cutmix CutMix's Beta(α, α) parameter α (Yun et al., 2019), 0 for none: a box of area
 *     {@code 1 - λ} is swapped between the images {@code i} and {@code B-1-i}, and the labels are
 *     weighted by the area each image keeps. With both mixup and CutMix, each batch uses one of them
 *     with probability 1/2.
 */
public record Augmentation(
    boolean randomCrop,
    boolean horizontalFlip,
    float colorJitter,
    AugmentPolicy policy,
    float erasing,
    float mixup,
    float cutmix) {

  /** The smallest erased share of the image (Zhong et al.'s s_l). */
  public static final float ERASING_MIN_AREA = 0.02f;

  /** The largest erased share of the image (Zhong et al.'s s_h). */
  public static final float ERASING_MAX_AREA = 0.4f;

  /** The smallest aspect ratio of the erased rectangle (Zhong et al.'s r_1); the largest is 1/r_1. */
  public static final float ERASING_MIN_ASPECT = 0.3f;

  /** The largest mixup or CutMix α accepted. */
  public static final float MAX_ALPHA = 10f;

  /** No augmentation: the centered crop, as evaluation and prediction see it. */
  public static final Augmentation NONE = new Augmentation(false, false, 0f);

  /** Validates the values; a missing policy is none (a configuration recorded before policies). */
  public Augmentation {
    checkArgument(
        colorJitter >= 0f && colorJitter <= 0.5f,
        "colorJitter must be between 0 (none) and 0.5, got %s",
        colorJitter);
    policy = policy == null ? AugmentPolicy.NONE : policy;
    checkArgument(
        erasing >= 0f && erasing <= 1f,
        "the random-erasing probability must be between 0 (none) and 1, got %s",
        erasing);
    checkArgument(
        mixup >= 0f && mixup <= MAX_ALPHA,
        "mixup's alpha must be between 0 (none) and %s, got %s",
        MAX_ALPHA,
        mixup);
    checkArgument(
        cutmix >= 0f && cutmix <= MAX_ALPHA,
        "CutMix's alpha must be between 0 (none) and %s, got %s",
        MAX_ALPHA,
        cutmix);
  }

  /** Crop, flip and colour jitter only (no policy, erasing or mixing). */
  public Augmentation(boolean randomCrop, boolean horizontalFlip, float colorJitter) {
    this(randomCrop, horizontalFlip, colorJitter, AugmentPolicy.NONE, 0f, 0f, 0f);
  }

  /** Random crop and horizontal flip, no colour change. */
  public static Augmentation cropAndFlip() {
    return new Augmentation(true, true, 0f);
  }

  /** Random crop, horizontal flip and a small (0.1) colour jitter. */
  public static Augmentation standard() {
    return new Augmentation(true, true, 0.1f);
  }

  /** This augmentation with another policy. */
  public Augmentation withPolicy(AugmentPolicy value) {
    return new Augmentation(randomCrop, horizontalFlip, colorJitter, value, erasing, mixup, cutmix);
  }

  /** This augmentation with another random-erasing probability (0 for none). */
  public Augmentation withErasing(float probability) {
    return new Augmentation(randomCrop, horizontalFlip, colorJitter, policy, probability, mixup, cutmix);
  }

  /** This augmentation with another mixup α (0 for none). */
  public Augmentation withMixup(float alpha) {
    return new Augmentation(randomCrop, horizontalFlip, colorJitter, policy, erasing, alpha, cutmix);
  }

  /** This augmentation with another CutMix α (0 for none). */
  public Augmentation withCutmix(float alpha) {
    return new Augmentation(randomCrop, horizontalFlip, colorJitter, policy, erasing, mixup, alpha);
  }

  /**
   * What is done to a training image, in words, for logs and messages: e.g. {@code random crop,
   * flip, colour jitter 0.1, policy trivial, erasing 0.25, mixup α 0.2}, or {@code none (centered
   * crop)}.
   */
  public String describe() {
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (randomCrop) {
      parts.add("random crop");
    }
    if (horizontalFlip) {
      parts.add("flip");
    }
    if (colorJitter > 0f) {
      parts.add("colour jitter " + colorJitter);
    }
    if (policy.isEnabled()) {
      parts.add("policy " + policy.describe());
    }
    if (erasing > 0f) {
      parts.add("erasing " + erasing);
    }
    if (mixup > 0f) {
      parts.add("mixup α " + mixup);
    }
    if (cutmix > 0f) {
      parts.add("CutMix α " + cutmix);
    }
    return parts.isEmpty() ? "none (centered crop)" : String.join(", ", parts);
  }

  /** Whether anything random happens (to an image or to a batch). */
  @JsonIgnore
  public boolean isEnabled() {
    return randomCrop || horizontalFlip || colorJitter > 0f || policy.isEnabled() || erasing > 0f
        || mixesBatches();
  }

  /**
   * Whether batches are mixed (mixup or CutMix): their labels are then {@link MixedLabels} {@code
   * [B, 3]} instead of {@code [B, 1]}.
   */
  @JsonIgnore
  public boolean mixesBatches() {
    return mixup > 0f || cutmix > 0f;
  }
}

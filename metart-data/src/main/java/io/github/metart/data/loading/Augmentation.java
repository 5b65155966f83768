package io.github.metart.data.loading;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * On-the-fly training augmentation, drawn from a seed per epoch and example so that a run (and a
 * resumed run) sees the same images.
 *
 * @param randomCrop crop the model input at a random position of the stored square (otherwise
 *     centered)
 * @param horizontalFlip mirror half of the images
 * @param colorJitter the strength of random brightness, contrast and saturation changes: each
 *     factor is drawn from {@code [1 - colorJitter, 1 + colorJitter]}; 0 for none, at most 0.5
 */
public record Augmentation(boolean randomCrop, boolean horizontalFlip, float colorJitter) {

  /** No augmentation: the centered crop, as evaluation and prediction see it. */
  public static final Augmentation NONE = new Augmentation(false, false, 0f);

  /** Validates the jitter strength. */
  public Augmentation {
    checkArgument(
        colorJitter >= 0f && colorJitter <= 0.5f,
        "colorJitter must be between 0 (none) and 0.5, got %s",
        colorJitter);
  }

  /** Random crop and horizontal flip, no colour change. */
  public static Augmentation cropAndFlip() {
    return new Augmentation(true, true, 0f);
  }

  /** Random crop, horizontal flip and a small (0.1) colour jitter. */
  public static Augmentation standard() {
    return new Augmentation(true, true, 0.1f);
  }

  /** Whether anything random happens. */
  @JsonIgnore
  public boolean isEnabled() {
    return randomCrop || horizontalFlip || colorJitter > 0f;
  }
}

package io.github.metart.train.config;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Gradient clipping before each update: by the global L2 norm of all gradients ({@code
 * torch.nn.utils.clip_grad_norm_}), and/or by value ({@code clip_grad_value_}).
 *
 * @param maxNorm the largest global gradient norm, 0 for no norm clipping
 * @param maxValue the largest absolute gradient value, 0 for no value clipping
 */
public record GradientClipping(double maxNorm, double maxValue) {

  /** Validates the settings. */
  public GradientClipping {
    checkArgument(
        maxNorm >= 0 && Double.isFinite(maxNorm),
        "the gradient clipping norm must be a finite number of 0 (off) or more, got %s",
        maxNorm);
    checkArgument(
        maxValue >= 0 && Double.isFinite(maxValue),
        "the gradient clipping value must be a finite number of 0 (off) or more, got %s",
        maxValue);
  }

  /** No clipping. */
  public static GradientClipping none() {
    return new GradientClipping(0, 0);
  }

  /** Clipping by the global L2 norm. */
  public static GradientClipping byNorm(double maxNorm) {
    checkArgument(maxNorm > 0, "the gradient clipping norm must be above 0, got %s", maxNorm);
    return new GradientClipping(maxNorm, 0);
  }

  /** Clipping of every gradient value into {@code [-maxValue, maxValue]}. */
  public static GradientClipping byValue(double maxValue) {
    checkArgument(maxValue > 0, "the gradient clipping value must be above 0, got %s", maxValue);
    return new GradientClipping(0, maxValue);
  }

  /** Whether any clipping is on. */
  @JsonIgnore
  public boolean isActive() {
    return maxNorm > 0 || maxValue > 0;
  }

  /** One line such as {@code norm 1.0}. */
  @JsonIgnore
  public String describe() {
    if (!isActive()) {
      return "off";
    }
    String norm = maxNorm > 0 ? "norm " + maxNorm : "";
    String value = maxValue > 0 ? "value " + maxValue : "";
    return norm.isEmpty() ? value : value.isEmpty() ? norm : norm + ", " + value;
  }
}

package io.github.metart.eval.plots;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The pixel size of a chart image.
 *
 * @param width the width in pixels, 100 to 8000
 * @param height the height in pixels, 100 to 8000
 */
public record ChartSize(int width, int height) {

  /** 800 × 500: curves, bars and histograms. */
  public static final ChartSize DEFAULT = new ChartSize(800, 500);

  /** 800 × 760: confusion matrices and predicted-vs-actual scatter plots. */
  public static final ChartSize SQUARE = new ChartSize(800, 760);

  /** Validates the size. */
  public ChartSize {
    checkArgument(
        width >= 100 && width <= 8000 && height >= 100 && height <= 8000,
        "chart size must be 100 to 8000 pixels each way, got %sx%s",
        width,
        height);
  }
}

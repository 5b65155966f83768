package io.github.metart.examples.demo;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Paints one generated "artwork". What a network can learn from it:
 *
 * <ul>
 *   <li><b>Culture</b> decides the palette (background, ink, accent) and the family of shapes (the
 *       {@link Motif}). Palettes come in look-alike pairs (Japanese and Chinese are both blue on
 *       white, French and Italian both warm on cream) that only the shapes tell apart, and one image
 *       in ten borrows another culture's palette: colour alone is not enough.
 *   <li><b>Year</b> decides, smoothly and monotonically, the frequency of a faint grating behind the
 *       shapes (more stripes for later years) and the image's age (older images are browner and
 *       darker). Both cues carry noise.
 *   <li>Positions, sizes, counts, angles and colours vary at random, one image in three carries a
 *       single shape of another culture's family, light falls unevenly from a random side,
 *       faint stains blot the background, and
 *       every pixel carries Gaussian noise, so no two images are near-duplicates.
 * </ul>
 *
 * <p>Every shape family looks alike when mirrored, so horizontal flips keep the class; crops keep it
 * too, because shapes are spread over the whole image.
 */
final class ArtworkPainter {

  /** The year that maps to signal 0 (and every earlier year). */
  static final int SIGNAL_FIRST_YEAR = 1450;

  /** The year that maps to signal 1 (and every later year). */
  static final int SIGNAL_LAST_YEAR = 1950;

  private static final double OFF_PALETTE_SHARE = 0.1;
  private static final double DISTRACTOR_SHARE = 0.3;

  private ArtworkPainter() {}

  /** The year cue in 0..1: linear in the year between 1450 and 1950, clamped outside. */
  static double yearSignal(int year) {
    double t = (year - SIGNAL_FIRST_YEAR) / (double) (SIGNAL_LAST_YEAR - SIGNAL_FIRST_YEAR);
    return Math.max(0, Math.min(1, t));
  }

  /**
   * Paints an image.
   *
   * @param motif the shape family
   * @param palette the colours (jittered here)
   * @param alternativePalette the palette used instead for one image in ten
   * @param year the year to encode
   * @param size the side in pixels
   * @param random the image's own random source
   */
  static BufferedImage paint(
      Motif motif, Palette palette, Palette alternativePalette, int year, int size, Random random) {
    Palette colours =
        (random.nextDouble() < OFF_PALETTE_SHARE ? alternativePalette : palette).jittered(random, 14);
    double t = clamp(yearSignal(year) + random.nextGaussian() * 0.02, 0, 1);

    Canvas canvas = new Canvas(size);
    canvas.fill(colours.background());
    double cycles = 2 + 10 * t;
    canvas.addGrating(
        cycles,
        random.nextDouble() * Math.PI,
        random.nextDouble() * 2 * Math.PI,
        22 * (0.8 + 0.4 * random.nextDouble()));
    drawMotif(canvas, motif, colours, random);
    if (random.nextDouble() < DISTRACTOR_SHARE) {
      Motif[] motifs = Motif.values();
      Motif other = motifs[(motif.ordinal() + 1 + random.nextInt(motifs.length - 1)) % motifs.length];
      drawSingleShape(canvas, other, colours, random);
    }
    canvas.addLighting(random.nextDouble() * 2 * Math.PI, 8 + 12 * random.nextDouble());
    int stains = 2 + random.nextInt(3);
    for (int i = 0; i < stains; i++) {
      canvas.addStain(
          size * random.nextDouble(),
          size * random.nextDouble(),
          size * between(random, 0.1, 0.25),
          (random.nextBoolean() ? 1 : -1) * between(random, 10, 25));
    }
    double age = clamp(0.7 * (1 - t) + random.nextGaussian() * 0.04, 0, 1);
    canvas.age(age, 0.78 + 0.22 * t);
    canvas.addNoise(random, 7);
    return canvas.toImage();
  }

  private static void drawMotif(Canvas canvas, Motif motif, Palette colours, Random random) {
    int s = canvas.size();
    switch (motif) {
      case DISCS_AND_WAVES -> {
        int waves = 1 + random.nextInt(2);
        for (int i = 0; i < waves; i++) {
          canvas.fill(
              Canvas.wave(
                  s,
                  s * between(random, 0.55, 0.9),
                  s * between(random, 0.03, 0.07),
                  between(random, 2, 4),
                  random.nextDouble() * 2 * Math.PI,
                  s * between(random, 0.025, 0.04)),
              colours.ink());
        }
        int discs = 2 + random.nextInt(3);
        for (int i = 0; i < discs; i++) {
          canvas.fill(
              Canvas.disc(
                  s * between(random, 0.15, 0.85),
                  s * between(random, 0.12, 0.7),
                  s * between(random, 0.06, 0.15)),
              inkOrAccent(colours, random, 0.3));
        }
      }
      case FRAMED_LATTICE -> {
        double inset = s * between(random, 0.05, 0.12);
        canvas.fill(
            Canvas.frame(inset, inset, s - inset, s - inset, s * between(random, 0.02, 0.035)),
            colours.ink());
        double x0 = s * between(random, 0.2, 0.4);
        double y0 = s * between(random, 0.2, 0.4);
        double x1 = s * between(random, 0.6, 0.8);
        double y1 = s * between(random, 0.6, 0.8);
        canvas.fill(
            Canvas.lattice(
                x0, y0, x1, y1, s * between(random, 0.08, 0.13), s * between(random, 0.012, 0.02)),
            inkOrAccent(colours, random, 0.25));
      }
      case VERTICAL_BARS -> {
        int bars = 3 + random.nextInt(4);
        for (int i = 0; i < bars; i++) {
          double x = s * between(random, 0.08, 0.92);
          double halfWidth = s * between(random, 0.02, 0.045);
          double height = s * between(random, 0.4, 0.85);
          double top = between(random, 0.05 * s, 0.95 * s - height);
          canvas.fill(
              Canvas.rectangle(x - halfWidth, top, x + halfWidth, top + height),
              inkOrAccent(colours, random, 0.4));
        }
      }
      case RINGS -> {
        int rings = 2 + random.nextInt(3);
        for (int i = 0; i < rings; i++) {
          canvas.fill(
              Canvas.ring(
                  s * between(random, 0.25, 0.75),
                  s * between(random, 0.25, 0.75),
                  s * between(random, 0.1, 0.28),
                  s * between(random, 0.1, 0.28),
                  s * between(random, 0.02, 0.04)),
              inkOrAccent(colours, random, 0.35));
        }
      }
      case TRIANGLES -> {
        int triangles = 3 + random.nextInt(4);
        for (int i = 0; i < triangles; i++) {
          double cx = s * between(random, 0.15, 0.85);
          double cy = s * between(random, 0.15, 0.85);
          double radius = s * between(random, 0.08, 0.18);
          double angle = random.nextDouble() * 2 * Math.PI;
          double third = 2 * Math.PI / 3;
          canvas.fill(
              Canvas.triangle(
                  cx + radius * StrictMath.cos(angle),
                  cy + radius * StrictMath.sin(angle),
                  cx + radius * StrictMath.cos(angle + third),
                  cy + radius * StrictMath.sin(angle + third),
                  cx + radius * StrictMath.cos(angle + 2 * third),
                  cy + radius * StrictMath.sin(angle + 2 * third)),
              inkOrAccent(colours, random, 0.4));
        }
      }
      case BANDS_AND_FIGURES -> {
        double top = s * between(random, 0.05, 0.22);
        double bottom = s * between(random, 0.78, 0.95);
        double band = s * between(random, 0.04, 0.09);
        canvas.fill(Canvas.rectangle(0, top - band / 2, s, top + band / 2), colours.ink());
        canvas.fill(Canvas.rectangle(0, bottom - band / 2, s, bottom + band / 2), colours.ink());
        int figures = 1 + random.nextInt(3);
        for (int i = 0; i < figures; i++) {
          double cx = s * between(random, 0.2, 0.8);
          double cy = s * between(random, 0.5, 0.6);
          double rx = s * between(random, 0.04, 0.065);
          double ry = s * between(random, 0.12, 0.17);
          int colour = inkOrAccent(colours, random, 0.3);
          canvas.fill(Canvas.ellipse(cx, cy, rx, ry), colour);
          canvas.fill(Canvas.disc(cx, cy - ry - s * 0.04, s * 0.035), colour);
        }
      }
      default -> throw new IllegalStateException("unknown motif " + motif);
    }
  }

  /** One shape of a family, small: a distractor that does not make an image another class. */
  private static void drawSingleShape(Canvas canvas, Motif motif, Palette colours, Random random) {
    int s = canvas.size();
    double cx = s * between(random, 0.2, 0.8);
    double cy = s * between(random, 0.2, 0.8);
    double r = s * between(random, 0.05, 0.09);
    Canvas.Shape shape =
        switch (motif) {
          case DISCS_AND_WAVES -> Canvas.disc(cx, cy, r);
          case FRAMED_LATTICE -> Canvas.lattice(cx - r, cy - r, cx + r, cy + r, r / 1.5, s * 0.015);
          case VERTICAL_BARS -> Canvas.rectangle(cx - s * 0.02, cy - 2 * r, cx + s * 0.02, cy + 2 * r);
          case RINGS -> Canvas.ring(cx, cy, r, r * between(random, 0.7, 1.3), s * 0.025);
          case TRIANGLES ->
              Canvas.triangle(cx, cy - r, cx + 0.87 * r, cy + 0.5 * r, cx - 0.87 * r, cy + 0.5 * r);
          case BANDS_AND_FIGURES -> Canvas.ellipse(cx, cy, r * 0.45, r * 1.4);
        };
    canvas.fill(shape, inkOrAccent(colours, random, 0.5));
  }

  private static int inkOrAccent(Palette colours, Random random, double accentShare) {
    return random.nextDouble() < accentShare ? colours.accent() : colours.ink();
  }

  private static double between(Random random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  private static double clamp(double value, double low, double high) {
    return Math.max(low, Math.min(high, value));
  }
}

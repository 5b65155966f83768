package io.github.metart.examples.demo;

import java.util.Random;

/** A culture's colours: background, ink and accent, as packed {@code 0xRRGGBB}. */
record Palette(int background, int ink, int accent) {

  static Palette of(int background, int ink, int accent) {
    return new Palette(background, ink, accent);
  }

  /** The same palette with every channel of every colour moved by up to ±{@code spread}. */
  Palette jittered(Random random, int spread) {
    return new Palette(
        jitter(background, random, spread), jitter(ink, random, spread), jitter(accent, random, spread));
  }

  private static int jitter(int rgb, Random random, int spread) {
    int r = clamp(((rgb >> 16) & 0xFF) + random.nextInt(2 * spread + 1) - spread);
    int g = clamp(((rgb >> 8) & 0xFF) + random.nextInt(2 * spread + 1) - spread);
    int b = clamp((rgb & 0xFF) + random.nextInt(2 * spread + 1) - spread);
    return (r << 16) | (g << 8) | b;
  }

  private static int clamp(int value) {
    return Math.max(0, Math.min(255, value));
  }
}

package io.github.metart.examples.demo;

/**
 * The family of shapes a culture's generated images are drawn with. Every family looks the same
 * when mirrored, so that a horizontal-flip augmentation keeps the class.
 */
enum Motif {
  /** Discs ("mon") and wave lines. */
  DISCS_AND_WAVES,
  /** A rectangular frame around a lattice. */
  FRAMED_LATTICE,
  /** Tall vertical bars. */
  VERTICAL_BARS,
  /** Outlined ellipses (cartouches). */
  RINGS,
  /** Filled triangles at random angles. */
  TRIANGLES,
  /** Horizontal bands with standing figures between them. */
  BANDS_AND_FIGURES
}

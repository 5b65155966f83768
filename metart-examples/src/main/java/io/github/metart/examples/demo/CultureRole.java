package io.github.metart.examples.demo;

/** What a generated object's Culture value is there to exercise. */
enum CultureRole {
  /** One of the demo's culture classes, written in several of the Met's styles. */
  LABELED,
  /** "European": normalizes to a label that a recipe is expected to exclude. */
  EXCLUDED,
  /** "French or Italian" and the like: ambiguous, no label by default. */
  AMBIGUOUS,
  /** An empty Culture, as the Met writes for most European paintings. */
  BLANK,
  /** A real culture with too few objects to become a class. */
  RARE
}

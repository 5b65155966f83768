package io.github.metart.examples.demo;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Where a group of generated rows comes from: the Culture strings written for it, the label they
 * should normalize to, the kinds of object, the years, the periods and the look of the images.
 *
 * @param label the label a normalizer should give; empty for ambiguous and blank Culture values
 * @param role what the group exercises
 * @param rawCultures the Culture strings, each repeated as often as it should be drawn
 * @param kinds the kinds of object, drawn uniformly
 * @param minYear the earliest year (B.C. negative)
 * @param maxYear the latest year
 * @param periods the Period, Dynasty and Reign for a year
 * @param motif the image motif; {@code null} draws one of the classes' motifs per object
 * @param palette the image palette; {@code null} draws one of the classes' palettes per object
 * @param artists artists who may be credited
 * @param artistNationalities nationalities written in Artist Nationality for uncredited rows
 *     (European paintings with a blank Culture still name a nationality)
 * @param country the Country column (may be empty)
 */
record CultureGroup(
    String label,
    CultureRole role,
    List<String> rawCultures,
    List<ObjectKind> kinds,
    int minYear,
    int maxYear,
    IntFunction<PeriodNames> periods,
    Motif motif,
    Palette palette,
    List<Artist> artists,
    List<String> artistNationalities,
    String country) {

  /** How many public-domain objects with an image this group gets for a class size. */
  int imagedObjects(int objectsPerCulture) {
    return switch (role) {
      case LABELED -> objectsPerCulture;
      case EXCLUDED -> Math.max(2, objectsPerCulture / 4);
      case AMBIGUOUS -> Math.max(2, objectsPerCulture / 8);
      case BLANK -> Math.max(2, objectsPerCulture / 3);
      case RARE -> Math.max(2, objectsPerCulture / 25);
    };
  }

  boolean ancient() {
    return maxYear < 0;
  }
}

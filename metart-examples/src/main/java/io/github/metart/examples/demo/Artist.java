package io.github.metart.examples.demo;

/**
 * An artist as the Met's artist columns describe one. Years are {@code 0} when unknown (the Met then
 * writes ten spaces). The object's year must fall in {@code [activeFrom, activeTo]} for the artist to
 * be credited; unknown years credit any object.
 */
record Artist(
    String role,
    String displayName,
    String alphaSort,
    String bio,
    String nationality,
    int beginYear,
    int endYear,
    String gender) {

  /** An artist with known years, active from the age of fifteen. */
  static Artist dated(String role, String name, String alphaSort, String nationality, int begin, int end) {
    String bio = nationality + ", " + begin + DemoDates.EN_DASH + end;
    return new Artist(role, name, alphaSort, bio, nationality, begin, end, "");
  }

  /** An artist known by name only (e.g. an Attic vase painter). */
  static Artist undated(String role, String name) {
    return new Artist(role, name, name, "", " ", 0, 0, "");
  }

  boolean activeIn(int year) {
    return beginYear == 0 || (beginYear + 15 <= year && year <= endYear);
  }

  /** The Met's padding: year right-padded with spaces to ten characters, or ten spaces. */
  static String padded(int year) {
    String text = year == 0 ? "" : Integer.toString(year);
    return text + " ".repeat(10 - text.length());
  }
}

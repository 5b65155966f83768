package io.github.metart.data.dataset;

/** Which column(s) the culture task takes its raw culture from. */
public enum CultureSource {
  /** The Culture column only. The default. */
  CULTURE,
  /**
   * The Culture column, or the Artist Nationality where Culture is empty (the Met leaves Culture
   * blank for most European paintings and names the artist's nationality instead).
   */
  CULTURE_OR_ARTIST_NATIONALITY
}

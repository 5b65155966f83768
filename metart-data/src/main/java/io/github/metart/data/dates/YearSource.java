package io.github.metart.data.dates;

/** Where an object's year interval came from. */
public enum YearSource {
  /** The Met's Object Begin Date and Object End Date columns. */
  COLUMNS,
  /** The free-text Object Date, parsed by {@link ObjectDates#parse(String)}. */
  OBJECT_DATE,
  /** The free-text Period, through the period timeline ({@link PeriodNormalizer}). */
  PERIOD,
  /** No interval could be established. */
  NONE
}

package io.github.metart.data.dates;

/** Which source of years {@link YearResolver} trusts first. */
public enum YearPolicy {
  /**
   * The Met's Object Begin/End Date columns where present and plausible; the parsed Object Date
   * where the columns are missing ({@code 0,0}) or implausible. The default.
   */
  PREFER_COLUMNS,
  /** The parsed Object Date where it parses; the columns otherwise. */
  PREFER_OBJECT_DATE,
  /** Only the columns (where plausible). */
  COLUMNS_ONLY,
  /** Only the parsed Object Date. */
  OBJECT_DATE_ONLY
}

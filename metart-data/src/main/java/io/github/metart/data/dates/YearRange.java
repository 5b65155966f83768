package io.github.metart.data.dates;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A closed interval of years, {@code begin <= end}, B.C./BCE years negative (the Met's convention:
 * {@code -500} is 500 B.C.; there is no year 0 in dates, but the interval arithmetic does not care).
 *
 * <p>Every labeled object keeps its interval so that training and evaluation can be interval-aware:
 * a prediction of 1790 for an object dated "ca. 1785" (1780–1790) is not an error.
 *
 * @param begin the first year of the interval
 * @param end the last year of the interval, never before {@code begin}
 */
public record YearRange(int begin, int end) implements Comparable<YearRange> {

  /** Validates {@code begin <= end}. */
  public YearRange {
    checkArgument(begin <= end, "a year range needs begin <= end, got %s..%s", begin, end);
  }

  /** The interval holding exactly one year. */
  public static YearRange of(int year) {
    return new YearRange(year, year);
  }

  /** The interval {@code [begin, end]}; throws when {@code begin > end}. */
  public static YearRange of(int begin, int end) {
    return new YearRange(begin, end);
  }

  /** The number of years the interval covers ({@code end - begin + 1}, at least 1). */
  public int length() {
    return end - begin + 1;
  }

  /** {@code end - begin}: 0 for a single year. */
  public int span() {
    return end - begin;
  }

  /** The middle of the interval, rounded toward negative infinity (e.g. 1700–1799 gives 1749). */
  public int midpoint() {
    return Math.floorDiv(begin + end, 2);
  }

  /** Whether {@code year} lies in the interval. */
  public boolean contains(int year) {
    return begin <= year && year <= end;
  }

  /** Whether {@code other} lies completely inside this interval. */
  public boolean contains(YearRange other) {
    return begin <= other.begin && other.end <= end;
  }

  /** Whether the two intervals share at least one year. */
  public boolean overlaps(YearRange other) {
    return begin <= other.end && other.begin <= end;
  }

  /** The smallest interval holding both intervals (and any gap between them). */
  public YearRange union(YearRange other) {
    return new YearRange(Math.min(begin, other.begin), Math.max(end, other.end));
  }

  /** The years both intervals share, or empty when they are disjoint. */
  public Optional<YearRange> intersection(YearRange other) {
    int b = Math.max(begin, other.begin);
    int e = Math.min(end, other.end);
    return b <= e ? Optional.of(new YearRange(b, e)) : Optional.empty();
  }

  /** The number of years between two disjoint intervals (0 when they overlap or touch). */
  public int gapTo(YearRange other) {
    if (overlaps(other)) {
      return 0;
    }
    return Math.max(0, Math.max(other.begin - end, begin - other.end) - 1);
  }

  /** This interval widened by {@code years} on both sides. */
  public YearRange widen(int years) {
    checkArgument(years >= 0, "widen needs years >= 0, got %s", years);
    return new YearRange(begin - years, end + years);
  }

  /** A year drawn uniformly from the interval (both ends included). */
  public int draw(RandomGenerator random) {
    return begin == end ? begin : begin + random.nextInt(end - begin + 1);
  }

  /**
   * Whether both ends lie within {@code tolerance} years of {@code other}'s ends: the agreement
   * measure used to compare the date parser with the Met's Object Begin/End Date columns.
   */
  public boolean agreesWith(YearRange other, int tolerance) {
    return Math.abs(begin - other.begin) <= tolerance && Math.abs(end - other.end) <= tolerance;
  }

  /** Orders by begin, then end. */
  @Override
  public int compareTo(YearRange other) {
    int byBegin = Integer.compare(begin, other.begin);
    return byBegin != 0 ? byBegin : Integer.compare(end, other.end);
  }

  /** {@code 1780..1790}, or {@code 1785} for a single year. */
  @Override
  public String toString() {
    return begin == end ? Integer.toString(begin) : begin + ".." + end;
  }
}

package io.github.metart.data.report;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of objects per year bin: the key is the first year of a bin ({@code floor(year / width) *
 * width}, B.C. negative), the bins are {@code width} years wide. Built from the middle of each
 * object's year interval.
 *
 * @param binWidth the width of a bin in years
 * @param counts the number of objects per bin start, ascending; empty bins are absent
 */
public record YearHistogram(int binWidth, Map<Integer, Long> counts) {

  /** Copies the counts in ascending order. */
  public YearHistogram {
    checkArgument(binWidth >= 1, "binWidth must be >= 1, got %s", binWidth);
    counts = Collections.unmodifiableMap(new TreeMap<>(counts));
  }

  /** The start of the bin holding {@code year}. */
  public static int binStart(int year, int binWidth) {
    return Math.floorDiv(year, binWidth) * binWidth;
  }

  /** The total count. */
  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}

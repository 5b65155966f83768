package io.github.metart.data.dates;

import static java.util.Objects.requireNonNull;

/**
 * A normalized Period: its label, its interval and the rule that produced them.
 *
 * @param label the lowercase period name, e.g. {@code edo}, {@code late minoan i}, {@code
 *     neolithic}
 * @param years the period's interval (B.C. negative)
 * @param rule how the raw text became this period, for {@code explain}-style output
 */
public record Period(String label, YearRange years, String rule) {

  /** Checks the fields. */
  public Period {
    requireNonNull(label, "label");
    requireNonNull(years, "years");
    requireNonNull(rule, "rule");
  }
}

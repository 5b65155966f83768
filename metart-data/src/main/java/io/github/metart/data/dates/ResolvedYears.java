package io.github.metart.data.dates;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The year interval {@link YearResolver} settled on for one object, with the evidence it had.
 *
 * @param years the interval used, empty when none could be established
 * @param source where {@code years} came from ({@link YearSource#NONE} when empty)
 * @param columns the Met's Object Begin/End Date columns, when filled and ordered (not {@code 0,0})
 * @param parsed the parsed Object Date, when it parses
 * @param disagree whether both {@code columns} and {@code parsed} exist and differ by more than the
 *     resolver's tolerance on either end
 */
public record ResolvedYears(
    Optional<YearRange> years,
    YearSource source,
    Optional<YearRange> columns,
    Optional<YearRange> parsed,
    boolean disagree) {

  /** Checks that the source matches the interval. */
  public ResolvedYears {
    requireNonNull(years, "years");
    requireNonNull(source, "source");
    requireNonNull(columns, "columns");
    requireNonNull(parsed, "parsed");
    checkArgument(
        years.isPresent() == (source != YearSource.NONE),
        "source %s does not match years %s",
        source,
        years);
  }
}

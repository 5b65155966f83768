/**
 * Years: {@link io.github.metart.data.dates.ObjectDates} parses Object Date texts into {@link
 * io.github.metart.data.dates.YearRange}s, {@link io.github.metart.data.dates.PeriodNormalizer}
 * reads Periods against a {@link io.github.metart.data.dates.PeriodTimeline}, and {@link
 * io.github.metart.data.dates.YearResolver} decides each object's interval from the Met's columns,
 * the parsed text and the period.
 */
package io.github.metart.data.dates;

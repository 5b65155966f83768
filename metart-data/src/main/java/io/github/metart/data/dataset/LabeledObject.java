package io.github.metart.data.dataset;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.data.dates.YearRange;
import io.github.metart.data.dates.YearSource;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One object of a dataset with its label: the unit that splits, image caches and evaluation share.
 *
 * <p>{@code label} is the stratum the object was balanced and split in: the normalized culture
 * (culture task) or the year bin, e.g. {@code 1850-1899} (year task). {@code year} is the year label
 * of the year task (drawn from or the middle of {@code years}, as the recipe says); objects of the
 * culture task carry the middle of their interval when it is known. {@code years} is the object's
 * year interval whichever the task, so evaluation can be interval-aware.
 *
 * @param objectId the Met Object ID
 * @param label the culture label or the year bin; never blank
 * @param year the year label, present when {@code years} is
 * @param years the year interval, when known
 * @param yearSource where {@code years} came from ({@link YearSource#NONE} when unknown)
 * @param source the raw values of the object's row
 */
public record LabeledObject(
    long objectId,
    String label,
    OptionalInt year,
    Optional<YearRange> years,
    YearSource yearSource,
    SourceValues source) {

  /** Validates the id, the label and the consistency of year, interval and source. */
  public LabeledObject {
    checkArgument(objectId > 0, "Object ID must be positive, got %s", objectId);
    requireNonNull(label, "label");
    checkArgument(!label.isBlank(), "object %s: the label must not be blank", objectId);
    requireNonNull(year, "year");
    requireNonNull(years, "years");
    requireNonNull(yearSource, "yearSource");
    requireNonNull(source, "source");
    checkArgument(
        years.isPresent() == (yearSource != YearSource.NONE),
        "object %s: year source %s does not match interval %s",
        objectId,
        yearSource,
        years);
    checkArgument(
        year.isEmpty() || years.isPresent() && years.get().contains(year.getAsInt()),
        "object %s: year %s lies outside its interval %s",
        objectId,
        year,
        years);
  }

  /** An object with a label and a year interval (and the year drawn from it). */
  public static LabeledObject of(
      long objectId, String label, int year, YearRange years, YearSource yearSource, SourceValues source) {
    return new LabeledObject(
        objectId, label, OptionalInt.of(year), Optional.of(years), yearSource, source);
  }

  /** An object with a label and no known year. */
  public static LabeledObject withoutYears(long objectId, String label, SourceValues source) {
    return new LabeledObject(
        objectId, label, OptionalInt.empty(), Optional.empty(), YearSource.NONE, source);
  }

  /** The year label; throws with the object's id when it has none. */
  public int requireYear() {
    if (year.isEmpty()) {
      throw new IllegalStateException("object " + objectId + " has no year label");
    }
    return year.getAsInt();
  }
}

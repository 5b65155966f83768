package io.github.metart.data.dataset;

import static java.util.Objects.requireNonNull;

import io.github.metart.data.csv.MetObject;
import java.util.OptionalInt;

/**
 * The raw metadata a labeled object keeps from its {@code MetObjects.csv} row, unchanged, so that a
 * label can always be traced back to the text it came from and predictions can be joined to
 * metadata.
 *
 * @param objectNumber the accession number
 * @param department the Department
 * @param classification the Classification
 * @param objectName the Object Name
 * @param title the Title
 * @param culture the raw Culture
 * @param artistNationality the raw Artist Nationality
 * @param period the raw Period
 * @param objectDate the raw Object Date
 * @param metBegin the Object Begin Date column, empty when blank
 * @param metEnd the Object End Date column, empty when blank
 * @param publicDomain the Is Public Domain flag
 */
public record SourceValues(
    String objectNumber,
    String department,
    String classification,
    String objectName,
    String title,
    String culture,
    String artistNationality,
    String period,
    String objectDate,
    OptionalInt metBegin,
    OptionalInt metEnd,
    boolean publicDomain) {

  /** Replaces {@code null} text by {@code ""}. */
  public SourceValues {
    objectNumber = text(objectNumber);
    department = text(department);
    classification = text(classification);
    objectName = text(objectName);
    title = text(title);
    culture = text(culture);
    artistNationality = text(artistNationality);
    period = text(period);
    objectDate = text(objectDate);
    requireNonNull(metBegin, "metBegin");
    requireNonNull(metEnd, "metEnd");
  }

  /** The values of one object's row. */
  public static SourceValues of(MetObject object) {
    return new SourceValues(
        object.objectNumber(),
        object.department(),
        object.classification(),
        object.objectName(),
        object.title(),
        object.culture(),
        object.artistNationality(),
        object.period(),
        object.objectDate(),
        object.objectBeginDate(),
        object.objectEndDate(),
        object.publicDomain());
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}

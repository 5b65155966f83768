package io.github.metart.examples.demo;

import java.util.Objects;
import java.util.Optional;

/**
 * One generated object, with the truth behind its row: the label its Culture should normalize to
 * and the year its image encodes.
 *
 * @param objectId the Object ID
 * @param role what the Culture value is there to exercise
 * @param rawCulture the Culture as written in the file (may be empty)
 * @param cultureLabel the lowercase label a culture normalizer should give (e.g. {@code japanese},
 *     {@code european}); empty for ambiguous and blank values
 * @param year the year the image encodes (B.C. negative); always inside {@code [beginDate,
 *     endDate]} of the date string
 * @param objectDate the Object Date as written (may be empty)
 * @param dateBegin the first year the row's dates stand for (its Object Date, else its Begin/End
 *     columns, else its Period)
 * @param dateEnd the last year the row's dates stand for
 * @param beginColumn the Object Begin Date column as written ({@code 0} where the Met's {@code 0,0}
 *     quirk is imitated)
 * @param endColumn the Object End Date column as written
 * @param period the Period as written (may be empty)
 * @param publicDomain the Is Public Domain column
 * @param imageFile the image's file name inside the images folder, when the object has one
 */
public record DemoObject(
    long objectId,
    CultureRole role,
    String rawCulture,
    String cultureLabel,
    int year,
    String objectDate,
    int dateBegin,
    int dateEnd,
    int beginColumn,
    int endColumn,
    String period,
    boolean publicDomain,
    Optional<String> imageFile) {

  /** Validates the fields. */
  public DemoObject {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(rawCulture, "rawCulture");
    Objects.requireNonNull(cultureLabel, "cultureLabel");
    Objects.requireNonNull(objectDate, "objectDate");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(imageFile, "imageFile");
    if (dateBegin > dateEnd || year < dateBegin || year > dateEnd) {
      throw new IllegalArgumentException(
          "object " + objectId + ": year " + year + " outside " + dateBegin + ".." + dateEnd);
    }
  }

  /** Whether the object has a generated image. */
  public boolean hasImage() {
    return imageFile.isPresent();
  }
}

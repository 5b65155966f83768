package io.github.metart.data.csv;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.data.dates.YearRange;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of {@code MetObjects.csv}: the columns the labeling tasks need, typed. Text columns hold
 * the file's text unchanged (an absent or empty column is {@code ""}, never {@code null});
 * normalization happens in the {@code culture} and {@code dates} packages.
 *
 * @param objectId the Met's Object ID (positive), the key that joins metadata, images and predictions
 * @param objectNumber the accession number, e.g. {@code 17.190.13–15}
 * @param highlight the Is Highlight flag
 * @param publicDomain the Is Public Domain flag (only public-domain images may be downloaded)
 * @param department e.g. {@code European Paintings}
 * @param objectName e.g. {@code Vase}
 * @param title the title
 * @param culture the free-text Culture, e.g. {@code German, probably Dresden}
 * @param period the free-text Period, e.g. {@code Edo period (1615–1868)}
 * @param dynasty the Dynasty
 * @param reign the Reign
 * @param artistDisplayName the artist(s), {@code |}-joined when several
 * @param artistNationality the artist nationality(ies), {@code |}-joined when several
 * @param objectDate the free-text Object Date, e.g. {@code ca. 1785}
 * @param objectBeginDate the Object Begin Date column (B.C. negative), empty when blank
 * @param objectEndDate the Object End Date column (B.C. negative), empty when blank
 * @param medium the Medium
 * @param country the Country
 * @param region the Region
 * @param classification e.g. {@code Paintings}
 * @param linkResource the object's page at the Met
 */
public record MetObject(
    long objectId,
    String objectNumber,
    boolean highlight,
    boolean publicDomain,
    String department,
    String objectName,
    String title,
    String culture,
    String period,
    String dynasty,
    String reign,
    String artistDisplayName,
    String artistNationality,
    String objectDate,
    OptionalInt objectBeginDate,
    OptionalInt objectEndDate,
    String medium,
    String country,
    String region,
    String classification,
    String linkResource) {

  /** Validates the id and replaces {@code null} text by {@code ""}. */
  public MetObject {
    checkArgument(objectId > 0, "Object ID must be positive, got %s", objectId);
    objectNumber = text(objectNumber);
    department = text(department);
    objectName = text(objectName);
    title = text(title);
    culture = text(culture);
    period = text(period);
    dynasty = text(dynasty);
    reign = text(reign);
    artistDisplayName = text(artistDisplayName);
    artistNationality = text(artistNationality);
    objectDate = text(objectDate);
    objectBeginDate = requireNonNull(objectBeginDate, "objectBeginDate");
    objectEndDate = requireNonNull(objectEndDate, "objectEndDate");
    medium = text(medium);
    country = text(country);
    region = text(region);
    classification = text(classification);
    linkResource = text(linkResource);
  }

  /**
   * The Object Begin/End Date columns as an interval, when both are filled, ordered and not the
   * Met's {@code 0,0} placeholder for "unknown". Whether the interval is plausible for the object is
   * decided by {@link io.github.metart.data.dates.YearResolver}.
   */
  public Optional<YearRange> metYears() {
    if (objectBeginDate.isEmpty() || objectEndDate.isEmpty()) {
      return Optional.empty();
    }
    int begin = objectBeginDate.getAsInt();
    int end = objectEndDate.getAsInt();
    if ((begin == 0 && end == 0) || begin > end) {
      return Optional.empty();
    }
    return Optional.of(new YearRange(begin, end));
  }

  /** A builder, handy in tests and for in-memory collections. */
  public static Builder builder(long objectId) {
    return new Builder(objectId);
  }

  /** A builder pre-filled with this object's values. */
  public Builder toBuilder() {
    Builder b = new Builder(objectId);
    b.objectNumber = objectNumber;
    b.highlight = highlight;
    b.publicDomain = publicDomain;
    b.department = department;
    b.objectName = objectName;
    b.title = title;
    b.culture = culture;
    b.period = period;
    b.dynasty = dynasty;
    b.reign = reign;
    b.artistDisplayName = artistDisplayName;
    b.artistNationality = artistNationality;
    b.objectDate = objectDate;
    b.objectBeginDate = objectBeginDate;
    b.objectEndDate = objectEndDate;
    b.medium = medium;
    b.country = country;
    b.region = region;
    b.classification = classification;
    b.linkResource = linkResource;
    return b;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  /** Builds a {@link MetObject}; unset text is {@code ""}, unset begin/end dates are empty. */
  public static final class Builder {
    private final long objectId;
    private String objectNumber = "";
    private boolean highlight;
    private boolean publicDomain;
    private String department = "";
    private String objectName = "";
    private String title = "";
    private String culture = "";
    private String period = "";
    private String dynasty = "";
    private String reign = "";
    private String artistDisplayName = "";
    private String artistNationality = "";
    private String objectDate = "";
    private OptionalInt objectBeginDate = OptionalInt.empty();
    private OptionalInt objectEndDate = OptionalInt.empty();
    private String medium = "";
    private String country = "";
    private String region = "";
    private String classification = "";
    private String linkResource = "";

    private Builder(long objectId) {
      this.objectId = objectId;
    }

    /** Sets the Object Number. */
    public Builder objectNumber(String value) {
      this.objectNumber = value;
      return this;
    }

    /** Sets Is Highlight. */
    public Builder highlight(boolean value) {
      this.highlight = value;
      return this;
    }

    /** Sets Is Public Domain. */
    public Builder publicDomain(boolean value) {
      this.publicDomain = value;
      return this;
    }

    /** Sets the Department. */
    public Builder department(String value) {
      this.department = value;
      return this;
    }

    /** Sets the Object Name. */
    public Builder objectName(String value) {
      this.objectName = value;
      return this;
    }

    /** Sets the Title. */
    public Builder title(String value) {
      this.title = value;
      return this;
    }

    /** Sets the Culture. */
    public Builder culture(String value) {
      this.culture = value;
      return this;
    }

    /** Sets the Period. */
    public Builder period(String value) {
      this.period = value;
      return this;
    }

    /** Sets the Dynasty. */
    public Builder dynasty(String value) {
      this.dynasty = value;
      return this;
    }

    /** Sets the Reign. */
    public Builder reign(String value) {
      this.reign = value;
      return this;
    }

    /** Sets the Artist Display Name. */
    public Builder artistDisplayName(String value) {
      this.artistDisplayName = value;
      return this;
    }

    /** Sets the Artist Nationality. */
    public Builder artistNationality(String value) {
      this.artistNationality = value;
      return this;
    }

    /** Sets the Object Date text. */
    public Builder objectDate(String value) {
      this.objectDate = value;
      return this;
    }

    /** Sets the Object Begin Date and Object End Date columns. */
    public Builder metYears(int begin, int end) {
      this.objectBeginDate = OptionalInt.of(begin);
      this.objectEndDate = OptionalInt.of(end);
      return this;
    }

    /** Sets the Object Begin Date and Object End Date columns, empty when absent. */
    public Builder metYears(OptionalInt begin, OptionalInt end) {
      this.objectBeginDate = begin;
      this.objectEndDate = end;
      return this;
    }

    /** Sets the Medium. */
    public Builder medium(String value) {
      this.medium = value;
      return this;
    }

    /** Sets the Country. */
    public Builder country(String value) {
      this.country = value;
      return this;
    }

    /** Sets the Region. */
    public Builder region(String value) {
      this.region = value;
      return this;
    }

    /** Sets the Classification. */
    public Builder classification(String value) {
      this.classification = value;
      return this;
    }

    /** Sets the Link Resource. */
    public Builder linkResource(String value) {
      this.linkResource = value;
      return this;
    }

    /** The object; throws when the Object ID is not positive. */
    public MetObject build() {
      return new MetObject(
          objectId,
          objectNumber,
          highlight,
          publicDomain,
          department,
          objectName,
          title,
          culture,
          period,
          dynasty,
          reign,
          artistDisplayName,
          artistNationality,
          objectDate,
          objectBeginDate,
          objectEndDate,
          medium,
          country,
          region,
          classification,
          linkResource);
    }
  }
}

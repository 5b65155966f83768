package io.github.metart.data.csv;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of the Met's {@code MetObjects.csv} that metart reads, by their exact header name.
 * Columns are found by name, so their order in a file does not matter; a file may have more
 * columns (the Met's has 54), which are ignored.
 */
public enum MetColumn {
  OBJECT_NUMBER("Object Number"),
  IS_HIGHLIGHT("Is Highlight"),
  IS_PUBLIC_DOMAIN("Is Public Domain"),
  OBJECT_ID("Object ID"),
  DEPARTMENT("Department"),
  OBJECT_NAME("Object Name"),
  TITLE("Title"),
  CULTURE("Culture"),
  PERIOD("Period"),
  DYNASTY("Dynasty"),
  REIGN("Reign"),
  ARTIST_DISPLAY_NAME("Artist Display Name"),
  ARTIST_NATIONALITY("Artist Nationality"),
  OBJECT_DATE("Object Date"),
  OBJECT_BEGIN_DATE("Object Begin Date"),
  OBJECT_END_DATE("Object End Date"),
  MEDIUM("Medium"),
  COUNTRY("Country"),
  REGION("Region"),
  CLASSIFICATION("Classification"),
  LINK_RESOURCE("Link Resource");

  private static final Map<String, MetColumn> BY_HEADER =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(c -> c.header, Function.identity()));

  /**
   * The columns a file must have by default: what the labeled datasets need. The others are read
   * when present and empty otherwise.
   */
  public static final List<MetColumn> REQUIRED_BY_DEFAULT =
      List.of(
          OBJECT_ID,
          IS_PUBLIC_DOMAIN,
          DEPARTMENT,
          CLASSIFICATION,
          CULTURE,
          PERIOD,
          OBJECT_DATE,
          OBJECT_BEGIN_DATE,
          OBJECT_END_DATE);

  private final String header;

  MetColumn(String header) {
    this.header = header;
  }

  /** The exact header name in {@code MetObjects.csv}, e.g. {@code Object ID}. */
  public String header() {
    return header;
  }

  /** The column with this exact header name, if metart reads it. */
  public static Optional<MetColumn> byHeader(String header) {
    return Optional.ofNullable(BY_HEADER.get(header));
  }

  @Override
  public String toString() {
    return header;
  }
}

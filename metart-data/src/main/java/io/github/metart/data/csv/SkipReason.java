package io.github.metart.data.csv;

/** Why a row of a {@code MetObjects.csv} file was skipped. */
public enum SkipReason {
  /** The row has more or fewer fields than the header. */
  WRONG_FIELD_COUNT("wrong field count"),
  /** A quoted field is never closed, or text follows a closing quote. */
  BROKEN_QUOTE("broken quote"),
  /** The row's bytes are not valid UTF-8. */
  INVALID_UTF8("invalid UTF-8"),
  /** A number column (Object ID, Object Begin/End Date) does not hold an integer. */
  UNPARSEABLE_NUMBER("unparseable number"),
  /** A flag column (Is Public Domain, Is Highlight) holds neither True nor False. */
  UNPARSEABLE_FLAG("unparseable flag"),
  /** The Object ID is empty or not positive. */
  MISSING_OBJECT_ID("missing Object ID"),
  /** An earlier row has the same Object ID. */
  DUPLICATE_OBJECT_ID("duplicate Object ID"),
  /** The row is longer than the format's limit (a runaway quote or binary data). */
  ROW_TOO_LONG("row too long");

  private final String description;

  SkipReason(String description) {
    this.description = description;
  }

  /** A short lowercase description, e.g. {@code wrong field count}. */
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }
}

package io.github.metart.data.images;

/** Why an image file could not be decoded; every skipped image carries one. */
public enum DecodeProblem {
  /** The file does not exist or cannot be read. */
  UNREADABLE("unreadable"),
  /** The file is empty. */
  EMPTY("empty file"),
  /** No image reader recognises the content (an HTML error page, a text file, a PDF...). */
  NOT_AN_IMAGE("not an image"),
  /** An image format that no installed reader can decode. */
  UNSUPPORTED("unsupported image"),
  /** The declared pixel count exceeds the decoder's limit (a possible decompression bomb). */
  TOO_LARGE("too large"),
  /** The data ends before the image does. */
  TRUNCATED("truncated"),
  /** The data is damaged. */
  CORRUPT("corrupt");

  private final String label;

  DecodeProblem(String label) {
    this.label = label;
  }

  /** A short human label, e.g. {@code truncated}. */
  public String label() {
    return label;
  }
}

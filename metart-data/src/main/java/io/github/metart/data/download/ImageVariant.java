package io.github.metart.data.download;

/** Which of an object's images to download; the other is used when the preferred one is empty. */
public enum ImageVariant {
  /** {@code primaryImageSmall}: the web-size image (a few hundred KB), enough for training. */
  SMALL("primaryImageSmall"),
  /** {@code primaryImage}: the full-resolution image (often several MB). */
  FULL("primaryImage");

  private final String field;

  ImageVariant(String field) {
    this.field = field;
  }

  /** The field of the Collection API's object record holding this image's URL. */
  public String field() {
    return field;
  }

  ImageVariant other() {
    return this == SMALL ? FULL : SMALL;
  }
}

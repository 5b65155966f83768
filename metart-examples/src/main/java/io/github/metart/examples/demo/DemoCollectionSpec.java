package io.github.metart.examples.demo;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * What to generate: the size of the demo collection, its images and the seed. The same spec always
 * gives byte-identical files.
 *
 * @param seed the seed every random choice derives from
 * @param objectsPerCulture public-domain objects with an image for each of the six culture classes
 *     (the file also holds excluded, ambiguous, blank, rare, non-public-domain and malformed rows in
 *     proportion)
 * @param imageSize the side of the square images, in pixels
 * @param imageFormat the images' file format
 * @param malformedRows whether to write a few malformed rows (wrong field count, a non-numeric
 *     Object ID) that a reader must skip and report
 */
public record DemoCollectionSpec(
    long seed,
    int objectsPerCulture,
    int imageSize,
    DemoImageFormat imageFormat,
    boolean malformedRows) {

  /** The smallest number of objects per culture. */
  public static final int MIN_OBJECTS_PER_CULTURE = 4;

  /** The largest number of objects per culture. */
  public static final int MAX_OBJECTS_PER_CULTURE = 20_000;

  /** The smallest image side in pixels. */
  public static final int MIN_IMAGE_SIZE = 16;

  /** The largest image side in pixels. */
  public static final int MAX_IMAGE_SIZE = 1024;

  /** Validates the values; see {@link Builder} for the allowed ranges. */
  public DemoCollectionSpec {
    checkArgument(
        objectsPerCulture >= MIN_OBJECTS_PER_CULTURE && objectsPerCulture <= MAX_OBJECTS_PER_CULTURE,
        "objectsPerCulture must be in %s..%s, was %s",
        MIN_OBJECTS_PER_CULTURE,
        MAX_OBJECTS_PER_CULTURE,
        objectsPerCulture);
    checkArgument(
        imageSize >= MIN_IMAGE_SIZE && imageSize <= MAX_IMAGE_SIZE,
        "imageSize must be in %s..%s pixels, was %s",
        MIN_IMAGE_SIZE,
        MAX_IMAGE_SIZE,
        imageSize);
    Objects.requireNonNull(imageFormat, "imageFormat");
  }

  /**
   * The demo's size: 150 objects per culture (about 1,100 rows, 1,000 images) of 96×96 JPEG, seed
   * 42.
   */
  public static DemoCollectionSpec demo() {
    return builder().build();
  }

  /** A tiny collection for tests and notebooks: 12 objects per culture, 32×32 images. */
  public static DemoCollectionSpec tiny() {
    return builder().objectsPerCulture(12).imageSize(32).build();
  }

  /** A builder starting from the demo's values. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this spec's values. */
  public Builder toBuilder() {
    return new Builder()
        .seed(seed)
        .objectsPerCulture(objectsPerCulture)
        .imageSize(imageSize)
        .imageFormat(imageFormat)
        .malformedRows(malformedRows);
  }

  /** Builds a {@link DemoCollectionSpec}; every value starts at the demo's. */
  public static final class Builder {
    private long seed = 42;
    private int objectsPerCulture = 150;
    private int imageSize = 96;
    private DemoImageFormat imageFormat = DemoImageFormat.JPEG;
    private boolean malformedRows = true;

    private Builder() {}

    /** The seed (default 42). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Public-domain objects with an image per culture class, 4..20000 (default 150). */
    public Builder objectsPerCulture(int objectsPerCulture) {
      this.objectsPerCulture = objectsPerCulture;
      return this;
    }

    /** The image side in pixels, 16..1024 (default 96). */
    public Builder imageSize(int imageSize) {
      this.imageSize = imageSize;
      return this;
    }

    /** The image format (default JPEG). */
    public Builder imageFormat(DemoImageFormat imageFormat) {
      this.imageFormat = imageFormat;
      return this;
    }

    /** Whether to write a few malformed rows (default true). */
    public Builder malformedRows(boolean malformedRows) {
      this.malformedRows = malformedRows;
      return this;
    }

    /**
     * Validates and builds the spec.
     *
     * @throws IllegalArgumentException naming the value that is out of range and the allowed range
     */
    public DemoCollectionSpec build() {
      return new DemoCollectionSpec(seed, objectsPerCulture, imageSize, imageFormat, malformedRows);
    }
  }
}
